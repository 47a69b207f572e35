-- DropIndex
DROP INDEX "AuditEntry_entityType_entityId_idx";

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_at_id_idx" ON "AuditEntry"("entityType", "entityId", "at" DESC, "id" DESC);


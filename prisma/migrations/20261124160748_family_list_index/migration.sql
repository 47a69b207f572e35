-- DropIndex
DROP INDEX "Family_locationId_registeredOn_idx";

-- CreateIndex
CREATE INDEX "Family_locationId_registeredOn_id_idx" ON "Family"("locationId", "registeredOn" DESC, "id");


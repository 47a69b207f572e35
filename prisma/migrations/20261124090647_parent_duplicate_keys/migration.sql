-- AlterTable
ALTER TABLE "Parent" ADD COLUMN     "emailKey" TEXT,
ADD COLUMN     "nameKey" TEXT,
ADD COLUMN     "phoneKey" TEXT;

-- CreateIndex
CREATE INDEX "Parent_phoneKey_idx" ON "Parent"("phoneKey");

-- CreateIndex
CREATE INDEX "Parent_emailKey_idx" ON "Parent"("emailKey");

-- CreateIndex
CREATE INDEX "Parent_nameKey_idx" ON "Parent"("nameKey");


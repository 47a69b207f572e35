-- CreateEnum
CREATE TYPE "RegistrationChannel" AS ENUM ('COORDINATOR', 'ONLINE');

-- AlterEnum
ALTER TYPE "NotificationStatus" ADD VALUE 'CANCELLED';

-- AlterTable
ALTER TABLE "Family" ADD COLUMN     "channel" "RegistrationChannel" NOT NULL DEFAULT 'COORDINATOR',
ADD COLUMN     "preferredLanguage" TEXT;

-- AlterTable
ALTER TABLE "ConsentEvent" ADD COLUMN     "text" TEXT;

-- AlterTable
ALTER TABLE "ReferrerNotification" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3),
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;


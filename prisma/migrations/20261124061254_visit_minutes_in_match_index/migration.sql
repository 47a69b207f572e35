-- DropIndex
DROP INDEX "Visit_matchId_visitedOn_idx";

-- CreateIndex
CREATE INDEX "Visit_matchId_visitedOn_minutes_idx" ON "Visit"("matchId", "visitedOn", "minutes");


-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "LicenceStatus" AS ENUM ('APPLIED', 'GRANTED', 'ACTIVE', 'SUSPENDED', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "FeePaymentStatus" AS ENUM ('NOT_INVOICED', 'INVOICED', 'PAID', 'OVERDUE');

-- CreateEnum
CREATE TYPE "QualityReviewStatus" AS ENUM ('PLANNED', 'PERFORMED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "QualityReviewOutcome" AS ENUM ('MEETS_STANDARDS', 'MEETS_WITH_ACTIONS', 'DOES_NOT_MEET');

-- CreateEnum
CREATE TYPE "RegistrationSource" AS ENUM ('SELF', 'REFERRER');

-- CreateEnum
CREATE TYPE "HouseholdType" AS ENUM ('SINGLE_PARENT', 'TWO_PARENTS', 'OTHER');

-- CreateEnum
CREATE TYPE "RiskFactor" AS ENUM ('PSYCHOLOGICAL', 'PARENTING', 'PHYSICAL', 'LIVING_ENVIRONMENT', 'FINANCIAL', 'LIMITED_NETWORK');

-- CreateEnum
CREATE TYPE "FamilyStatus" AS ENUM ('REGISTERED', 'INTAKE', 'WAITING_FOR_MATCH', 'ACTIVE', 'CLOSED', 'DECLINED', 'NOT_ELIGIBLE');

-- CreateEnum
CREATE TYPE "ReferrerType" AS ENUM ('DISTRICT_NURSE', 'GP', 'SOCIAL_WORKER', 'PRESCHOOL', 'CHILDCARE', 'YOUTH_CARE', 'CJG', 'OTHER');

-- CreateEnum
CREATE TYPE "ConsentType" AS ENUM ('PROCESSING', 'CONTACT_BY_COORDINATOR', 'NOTIFY_REFERRER_START_END', 'SHARE_DETAILS_WITH_REFERRER');

-- CreateEnum
CREATE TYPE "ConsentAction" AS ENUM ('GRANTED', 'WITHDRAWN');

-- CreateEnum
CREATE TYPE "VolunteerStatus" AS ENUM ('APPLICANT', 'IN_TRAINING', 'ACTIVE', 'PAUSED', 'STOPPED');

-- CreateEnum
CREATE TYPE "EvaluationKind" AS ENUM ('INTERIM', 'FINAL');

-- CreateEnum
CREATE TYPE "ClosureReason" AS ENUM ('GOALS_REACHED', 'FAMILY_ENDED', 'MOVED_AWAY', 'REFERRED_TO_PROFESSIONAL_CARE', 'NO_MATCH_POSSIBLE', 'OTHER');

-- CreateEnum
CREATE TYPE "GoalsReached" AS ENUM ('ALL', 'PARTLY', 'NONE');

-- CreateEnum
CREATE TYPE "NotificationKind" AS ENUM ('START', 'END');

-- CreateEnum
CREATE TYPE "NotificationStatus" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('COORDINATOR', 'NATIONAL_STAFF', 'MUNICIPAL_OFFICER', 'ADMIN');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Location" (
    "id" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,
    "startedOn" DATE NOT NULL,
    "closedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Location_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "province" TEXT NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LocationMunicipality" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "servedFrom" DATE NOT NULL,
    "servedUntil" DATE,

    CONSTRAINT "LocationMunicipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgePolicy" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "maxAgeInclusive" INTEGER NOT NULL,
    "pregnancyWeeksFrom" INTEGER NOT NULL DEFAULT 28,
    "validFrom" DATE NOT NULL,
    "validUntil" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdById" TEXT,

    CONSTRAINT "AgePolicy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MunicipalDecision" (
    "id" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "decidedOn" DATE NOT NULL,
    "effectiveFrom" DATE NOT NULL,
    "effectiveUntil" DATE,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MunicipalDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Licence" (
    "id" TEXT NOT NULL,
    "number" TEXT NOT NULL,
    "organisationId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "municipalDecisionId" TEXT,
    "status" "LicenceStatus" NOT NULL DEFAULT 'APPLIED',
    "appliedOn" DATE NOT NULL,
    "grantedOn" DATE,
    "validFrom" DATE,
    "validUntil" DATE,
    "conditions" TEXT NOT NULL DEFAULT '',
    "qualityStandards" TEXT NOT NULL DEFAULT '',
    "annualFeeCents" INTEGER NOT NULL DEFAULT 0,
    "feePaymentStatus" "FeePaymentStatus" NOT NULL DEFAULT 'NOT_INVOICED',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Licence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LicenceMunicipality" (
    "licenceId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,

    CONSTRAINT "LicenceMunicipality_pkey" PRIMARY KEY ("licenceId","municipalityId")
);

-- CreateTable
CREATE TABLE "LicenceStatusChange" (
    "id" TEXT NOT NULL,
    "licenceId" TEXT NOT NULL,
    "fromStatus" "LicenceStatus",
    "toStatus" "LicenceStatus" NOT NULL,
    "effectiveOn" DATE NOT NULL,
    "reason" TEXT,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "byUserId" TEXT,

    CONSTRAINT "LicenceStatusChange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReview" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "status" "QualityReviewStatus" NOT NULL DEFAULT 'PLANNED',
    "plannedOn" DATE,
    "performedOn" DATE,
    "outcome" "QualityReviewOutcome",
    "findings" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "QualityReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QualityReviewReviewer" (
    "qualityReviewId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,

    CONSTRAINT "QualityReviewReviewer_pkey" PRIMARY KEY ("qualityReviewId","userId")
);

-- CreateTable
CREATE TABLE "ImprovementAction" (
    "id" TEXT NOT NULL,
    "qualityReviewId" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "completedOn" DATE,

    CONSTRAINT "ImprovementAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Family" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "registeredOn" DATE NOT NULL,
    "source" "RegistrationSource" NOT NULL,
    "householdType" "HouseholdType",
    "languages" TEXT[],
    "riskFactors" "RiskFactor"[],
    "status" "FamilyStatus" NOT NULL DEFAULT 'REGISTERED',
    "postcode" TEXT,
    "address" TEXT,
    "calledBackAt" TIMESTAMP(3),
    "intakeOn" DATE,
    "note" TEXT,
    "anonymisedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Family_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Parent" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "phone" TEXT,
    "email" TEXT,

    CONSTRAINT "Parent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Child" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "firstName" TEXT,
    "bornOn" DATE,
    "expectedOn" DATE,

    CONSTRAINT "Child_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referrer" (
    "id" TEXT NOT NULL,
    "type" "ReferrerType" NOT NULL,
    "name" TEXT NOT NULL,
    "organisation" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Referrer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Referral" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "referredOn" DATE NOT NULL,

    CONSTRAINT "Referral_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConsentEvent" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "type" "ConsentType" NOT NULL,
    "action" "ConsentAction" NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,
    "textVersion" TEXT,
    "note" TEXT,

    CONSTRAINT "ConsentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportQuestion" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "goal" TEXT,
    "goalReached" BOOLEAN,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SupportQuestion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Volunteer" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "municipalityId" TEXT,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "postcode" TEXT,
    "status" "VolunteerStatus" NOT NULL DEFAULT 'APPLICANT',
    "vogIssuedOn" DATE,
    "trainingCompletedOn" DATE,
    "languages" TEXT[],
    "availability" TEXT[],
    "experienceAgeGroups" TEXT[],
    "maxFamilies" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Match" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "startOn" DATE NOT NULL,
    "endOn" DATE,
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Match_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Visit" (
    "id" TEXT NOT NULL,
    "matchId" TEXT NOT NULL,
    "visitedOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "note" TEXT,
    "loggedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Visit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Evaluation" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "kind" "EvaluationKind" NOT NULL,
    "heldOn" DATE NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "parentalWellbeing" INTEGER,
    "positiveParenting" INTEGER,
    "childBehaviour" INTEGER,
    "network" INTEGER,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "recordedById" TEXT,

    CONSTRAINT "Evaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Closure" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "closedOn" DATE NOT NULL,
    "reason" "ClosureReason" NOT NULL,
    "goalsReached" "GoalsReached" NOT NULL,
    "note" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Closure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReferrerNotification" (
    "id" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "referrerId" TEXT NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "status" "NotificationStatus" NOT NULL DEFAULT 'PENDING',
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "ReferrerNotification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEmail" (
    "id" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "relatedId" TEXT,

    CONSTRAINT "OutboxEmail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMeeting" (
    "id" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "heldOn" DATE NOT NULL,
    "topic" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupMeetingAttendance" (
    "meetingId" TEXT NOT NULL,
    "familyId" TEXT NOT NULL,
    "parentCount" INTEGER NOT NULL DEFAULT 1,
    "childCount" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "GroupMeetingAttendance_pkey" PRIMARY KEY ("meetingId","familyId")
);

-- CreateTable
CREATE TABLE "SupervisionMeeting" (
    "id" TEXT NOT NULL,
    "volunteerId" TEXT NOT NULL,
    "heldById" TEXT,
    "heldOn" DATE NOT NULL,
    "note" TEXT,

    CONSTRAINT "SupervisionMeeting_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "locale" TEXT NOT NULL DEFAULT 'nl',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastLoginAt" TIMESTAMP(3),

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "UserLocationScope" (
    "userId" TEXT NOT NULL,
    "locationId" TEXT NOT NULL,

    CONSTRAINT "UserLocationScope_pkey" PRIMARY KEY ("userId","locationId")
);

-- CreateTable
CREATE TABLE "UserMunicipalityScope" (
    "userId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,

    CONSTRAINT "UserMunicipalityScope_pkey" PRIMARY KEY ("userId","municipalityId")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LoginThrottle" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "windowStart" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lockedUntil" TIMESTAMP(3),

    CONSTRAINT "LoginThrottle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" TEXT,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT,
    "detail" JSONB,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Location_organisationId_idx" ON "Location"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_code_key" ON "Municipality"("code");

-- CreateIndex
CREATE INDEX "LocationMunicipality_municipalityId_idx" ON "LocationMunicipality"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "LocationMunicipality_locationId_municipalityId_servedFrom_key" ON "LocationMunicipality"("locationId", "municipalityId", "servedFrom");

-- CreateIndex
CREATE UNIQUE INDEX "AgePolicy_municipalityId_validFrom_key" ON "AgePolicy"("municipalityId", "validFrom");

-- CreateIndex
CREATE INDEX "MunicipalDecision_municipalityId_idx" ON "MunicipalDecision"("municipalityId");

-- CreateIndex
CREATE INDEX "MunicipalDecision_organisationId_idx" ON "MunicipalDecision"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Licence_number_key" ON "Licence"("number");

-- CreateIndex
CREATE INDEX "Licence_locationId_idx" ON "Licence"("locationId");

-- CreateIndex
CREATE INDEX "Licence_status_validUntil_idx" ON "Licence"("status", "validUntil");

-- CreateIndex
CREATE INDEX "LicenceMunicipality_municipalityId_idx" ON "LicenceMunicipality"("municipalityId");

-- CreateIndex
CREATE INDEX "LicenceStatusChange_licenceId_at_idx" ON "LicenceStatusChange"("licenceId", "at");

-- CreateIndex
CREATE INDEX "QualityReview_locationId_performedOn_idx" ON "QualityReview"("locationId", "performedOn");

-- CreateIndex
CREATE INDEX "ImprovementAction_qualityReviewId_idx" ON "ImprovementAction"("qualityReviewId");

-- CreateIndex
CREATE INDEX "Family_locationId_status_idx" ON "Family"("locationId", "status");

-- CreateIndex
CREATE INDEX "Family_locationId_registeredOn_idx" ON "Family"("locationId", "registeredOn");

-- CreateIndex
CREATE INDEX "Family_municipalityId_registeredOn_idx" ON "Family"("municipalityId", "registeredOn");

-- CreateIndex
CREATE INDEX "Parent_familyId_idx" ON "Parent"("familyId");

-- CreateIndex
CREATE INDEX "Child_familyId_idx" ON "Child"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "Referral_familyId_key" ON "Referral"("familyId");

-- CreateIndex
CREATE INDEX "Referral_referrerId_idx" ON "Referral"("referrerId");

-- CreateIndex
CREATE INDEX "ConsentEvent_familyId_type_at_idx" ON "ConsentEvent"("familyId", "type", "at");

-- CreateIndex
CREATE INDEX "SupportQuestion_familyId_idx" ON "SupportQuestion"("familyId");

-- CreateIndex
CREATE INDEX "Volunteer_locationId_status_idx" ON "Volunteer"("locationId", "status");

-- CreateIndex
CREATE INDEX "Match_familyId_idx" ON "Match"("familyId");

-- CreateIndex
CREATE INDEX "Match_volunteerId_endOn_idx" ON "Match"("volunteerId", "endOn");

-- CreateIndex
CREATE INDEX "Visit_matchId_visitedOn_idx" ON "Visit"("matchId", "visitedOn");

-- CreateIndex
CREATE INDEX "Visit_visitedOn_idx" ON "Visit"("visitedOn");

-- CreateIndex
CREATE INDEX "Evaluation_familyId_idx" ON "Evaluation"("familyId");

-- CreateIndex
CREATE UNIQUE INDEX "Closure_familyId_key" ON "Closure"("familyId");

-- CreateIndex
CREATE INDEX "ReferrerNotification_status_idx" ON "ReferrerNotification"("status");

-- CreateIndex
CREATE UNIQUE INDEX "ReferrerNotification_familyId_kind_key" ON "ReferrerNotification"("familyId", "kind");

-- CreateIndex
CREATE INDEX "GroupMeeting_locationId_heldOn_idx" ON "GroupMeeting"("locationId", "heldOn");

-- CreateIndex
CREATE INDEX "SupervisionMeeting_volunteerId_heldOn_idx" ON "SupervisionMeeting"("volunteerId", "heldOn");

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "UserLocationScope_locationId_idx" ON "UserLocationScope"("locationId");

-- CreateIndex
CREATE INDEX "UserMunicipalityScope_municipalityId_idx" ON "UserMunicipalityScope"("municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_userId_idx" ON "Session"("userId");

-- CreateIndex
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_idx" ON "AuditEntry"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "AuditEntry_userId_at_idx" ON "AuditEntry"("userId", "at");

-- AddForeignKey
ALTER TABLE "Location" ADD CONSTRAINT "Location_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationMunicipality" ADD CONSTRAINT "LocationMunicipality_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LocationMunicipality" ADD CONSTRAINT "LocationMunicipality_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgePolicy" ADD CONSTRAINT "AgePolicy_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgePolicy" ADD CONSTRAINT "AgePolicy_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalDecision" ADD CONSTRAINT "MunicipalDecision_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MunicipalDecision" ADD CONSTRAINT "MunicipalDecision_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Licence" ADD CONSTRAINT "Licence_municipalDecisionId_fkey" FOREIGN KEY ("municipalDecisionId") REFERENCES "MunicipalDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceMunicipality" ADD CONSTRAINT "LicenceMunicipality_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceMunicipality" ADD CONSTRAINT "LicenceMunicipality_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceStatusChange" ADD CONSTRAINT "LicenceStatusChange_licenceId_fkey" FOREIGN KEY ("licenceId") REFERENCES "Licence"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LicenceStatusChange" ADD CONSTRAINT "LicenceStatusChange_byUserId_fkey" FOREIGN KEY ("byUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReview" ADD CONSTRAINT "QualityReview_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReviewReviewer" ADD CONSTRAINT "QualityReviewReviewer_qualityReviewId_fkey" FOREIGN KEY ("qualityReviewId") REFERENCES "QualityReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityReviewReviewer" ADD CONSTRAINT "QualityReviewReviewer_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImprovementAction" ADD CONSTRAINT "ImprovementAction_qualityReviewId_fkey" FOREIGN KEY ("qualityReviewId") REFERENCES "QualityReview"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Family" ADD CONSTRAINT "Family_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Family" ADD CONSTRAINT "Family_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Parent" ADD CONSTRAINT "Parent_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Child" ADD CONSTRAINT "Child_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Referral" ADD CONSTRAINT "Referral_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConsentEvent" ADD CONSTRAINT "ConsentEvent_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportQuestion" ADD CONSTRAINT "SupportQuestion_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Volunteer" ADD CONSTRAINT "Volunteer_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Match" ADD CONSTRAINT "Match_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_matchId_fkey" FOREIGN KEY ("matchId") REFERENCES "Match"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Visit" ADD CONSTRAINT "Visit_loggedById_fkey" FOREIGN KEY ("loggedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Evaluation" ADD CONSTRAINT "Evaluation_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Closure" ADD CONSTRAINT "Closure_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferrerNotification" ADD CONSTRAINT "ReferrerNotification_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReferrerNotification" ADD CONSTRAINT "ReferrerNotification_referrerId_fkey" FOREIGN KEY ("referrerId") REFERENCES "Referrer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMeeting" ADD CONSTRAINT "GroupMeeting_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMeetingAttendance" ADD CONSTRAINT "GroupMeetingAttendance_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "GroupMeeting"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GroupMeetingAttendance" ADD CONSTRAINT "GroupMeetingAttendance_familyId_fkey" FOREIGN KEY ("familyId") REFERENCES "Family"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionMeeting" ADD CONSTRAINT "SupervisionMeeting_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupervisionMeeting" ADD CONSTRAINT "SupervisionMeeting_heldById_fkey" FOREIGN KEY ("heldById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserLocationScope" ADD CONSTRAINT "UserLocationScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserLocationScope" ADD CONSTRAINT "UserLocationScope_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Location"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserMunicipalityScope" ADD CONSTRAINT "UserMunicipalityScope_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "UserMunicipalityScope" ADD CONSTRAINT "UserMunicipalityScope_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


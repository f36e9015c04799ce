-- CreateTable
CREATE TABLE "RelatedIssue" (
    "id" UUID NOT NULL,
    "complaintId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "raisedAt" TIMESTAMPTZ(3) NOT NULL,
    "channel" "Channel",
    "recordedById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RelatedIssue_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RelatedIssue_complaintId_idx" ON "RelatedIssue"("complaintId");

-- AddForeignKey
ALTER TABLE "RelatedIssue" ADD CONSTRAINT "RelatedIssue_complaintId_fkey" FOREIGN KEY ("complaintId") REFERENCES "Complaint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RelatedIssue" ADD CONSTRAINT "RelatedIssue_recordedById_fkey" FOREIGN KEY ("recordedById") REFERENCES "StaffUser"("id") ON DELETE SET NULL ON UPDATE CASCADE;

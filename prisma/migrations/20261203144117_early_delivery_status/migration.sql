-- CreateTable
CREATE TABLE "EarlyDeliveryStatus" (
    "id" UUID NOT NULL,
    "providerSid" TEXT NOT NULL,
    "twilioStatus" TEXT NOT NULL,
    "errorCode" TEXT,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EarlyDeliveryStatus_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EarlyDeliveryStatus_providerSid_idx" ON "EarlyDeliveryStatus"("providerSid");

-- CreateIndex
CREATE INDEX "EarlyDeliveryStatus_receivedAt_idx" ON "EarlyDeliveryStatus"("receivedAt");

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "conversationReference" JSONB;

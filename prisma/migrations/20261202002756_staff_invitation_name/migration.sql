-- AlterTable
ALTER TABLE "StaffInvitation" ADD COLUMN     "name" TEXT;

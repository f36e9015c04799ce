import { civilDateFromDbDate } from '../domain/index.ts';

export interface ClosureDayDto {
  date: string;
  description: string;
  createdById: string | null;
  createdAt: string;
}

export function toClosureDayDto(row: { date: Date; description: string; createdById: string | null; createdAt: Date }): ClosureDayDto {
  return { date: civilDateFromDbDate(row.date), description: row.description, createdById: row.createdById, createdAt: row.createdAt.toISOString() };
}

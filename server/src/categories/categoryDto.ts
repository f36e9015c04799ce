export interface CategoryDto {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  version: number;
}

export function toCategoryDto(row: CategoryDto): CategoryDto {
  return { id: row.id, name: row.name, description: row.description, active: row.active, version: row.version };
}

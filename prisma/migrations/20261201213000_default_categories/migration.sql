-- Starting complaint categories (9.1, 9.4: learning and trends are grouped by category). A landlord
-- renames, adds or retires them in the console, and they are never deleted once used.
INSERT INTO "Category" ("id", "name", "description", "active", "updatedAt") VALUES
  (gen_random_uuid(), 'Repairs', 'Responsive and planned repairs, missed or late appointments, quality of work', true, now()),
  (gen_random_uuid(), 'Damp and mould', 'Reports of damp, condensation and mould and how they were handled', true, now()),
  (gen_random_uuid(), 'Anti-social behaviour', 'How reports of anti-social behaviour and neighbour disputes were handled', true, now()),
  (gen_random_uuid(), 'Staff conduct and communication', 'Staff behaviour, contractors acting for us, keeping residents informed', true, now()),
  (gen_random_uuid(), 'Rent and service charges', 'Rent, service charges, arrears and income', true, now()),
  (gen_random_uuid(), 'Estate and neighbourhood services', 'Cleaning, grounds maintenance, communal areas, waste', true, now()),
  (gen_random_uuid(), 'Lettings and tenancy', 'Allocations, transfers, mutual exchanges and tenancy management', true, now()),
  (gen_random_uuid(), 'Other', 'Anything not covered above', true, now())
ON CONFLICT ("name") DO NOTHING;

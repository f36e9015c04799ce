import { STAFF_ROLES, STAFF_ROLE_LABELS, type TStaffRole } from '@complaints/server/schemas';

/** One labelled checkbox per role, in a fieldset whose legend names whose roles they are. */
export function RoleCheckboxes({ idPrefix, legend, checked, onChange }: { idPrefix: string; legend: string; checked: readonly TStaffRole[]; onChange: (roles: TStaffRole[]) => void }) {
  const toggle = (role: TStaffRole, on: boolean) => onChange(STAFF_ROLES.filter((candidate) => (candidate === role ? on : checked.includes(candidate))));
  return (
    <fieldset className="roles">
      <legend>{legend}</legend>
      {STAFF_ROLES.map((role) => (
        <div className="checkbox" key={role}>
          <input id={`${idPrefix}-${role}`} type="checkbox" checked={checked.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />
          <label htmlFor={`${idPrefix}-${role}`}>{STAFF_ROLE_LABELS[role]}</label>
        </div>
      ))}
    </fieldset>
  );
}

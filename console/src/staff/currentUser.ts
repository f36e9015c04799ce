// The signed-in member of staff, for components deep in a screen that hide what their roles
// cannot do (the server refuses it anyway).
import { createContext, useContext } from 'react';
import type { TStaffRole, TStaffSessionUser } from '@complaints/server/schemas';

export const CurrentUserContext = createContext<TStaffSessionUser | null>(null);

export function useCurrentUser(): TStaffSessionUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser is used outside the signed-in shell');
  return user;
}

export function hasAnyRole(user: TStaffSessionUser, roles: readonly TStaffRole[]): boolean {
  return user.roles.some((role) => roles.includes(role));
}

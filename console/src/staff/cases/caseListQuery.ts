// The case list's filters live in the URL (?status=received&deadline=overdue&page=2), so a view can
// be shared and the back button returns to it. The server validates them (a bad link gets its
// 400 message); this only reads and writes the query string.
import { CASE_LIST_SORTS, type TCaseListSort } from '@complaints/server/schemas';

export const FILTER_NAMES = ['q', 'status', 'stage', 'handlerId', 'categoryId', 'channel', 'deadline'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export interface CaseListView {
  filters: Partial<Record<FilterName, string>>;
  sort: TCaseListSort;
  order: 'asc' | 'desc';
  page: number;
}

export function readView(search: string): CaseListView {
  const params = new URLSearchParams(search);
  const filters: CaseListView['filters'] = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const sort = params.get('sort');
  return {
    filters,
    sort: (CASE_LIST_SORTS as readonly string[]).includes(sort ?? '') ? (sort as TCaseListSort) : 'dueOn',
    order: params.get('order') === 'desc' ? 'desc' : 'asc',
    page: Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1),
  };
}

/** The query string for a view, leaving out defaults so links stay short. */
export function writeView(view: CaseListView): string {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = view.filters[name]?.trim();
    if (value) params.set(name, value);
  }
  if (view.sort !== 'dueOn') params.set('sort', view.sort);
  if (view.order !== 'asc') params.set('order', view.order);
  if (view.page > 1) params.set('page', String(view.page));
  const text = params.toString();
  return text ? `?${text}` : '';
}

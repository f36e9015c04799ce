// The case list: the people who work complaints all day filter, search, sort and page it on the
// server; the URL holds the view; complaint events refresh the page in place.
import { useCallback, useEffect, useRef, useState, type FormEvent, type MouseEvent } from 'react';
import {
  CHANNEL_LABELS,
  DEADLINE_STATUS_LABELS,
  STAGE_LABELS,
  STATUS_SHORT_LABELS,
  CHANNELS,
  COMPLAINT_STATUSES,
  DEADLINE_STATUSES,
  STAGES,
  type TCaseList,
  type TCaseListSort,
  type TStaffMember,
} from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { hasAnyRole, useCurrentUser } from '../currentUser.ts';
import { formatDate } from '../dates.ts';
import { navigate, useLocationSearch } from '../navigation.ts';
import { PageHeading } from '../PageHeading.tsx';
import { useStaffEvents } from '../live/staffSocket.ts';
import { readView, writeView, type CaseListView, type FilterName } from './caseListQuery.ts';
import { DeadlineBadge } from './DeadlineBadge.tsx';
import './cases.css';

interface Option {
  value: string;
  label: string;
}

const SORT_LABELS: Record<TCaseListSort, string> = { dueOn: 'deadline', receivedAt: 'date received', reference: 'reference', status: 'status' };

function follow(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  // Ordinary links with a pushState shortcut: new-tab and copy-link still work.
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
  event.preventDefault();
  navigate(to);
}

function Select({ name, label, value, options, onChange }: { name: FilterName; label: string; value: string; options: Option[]; onChange: (name: FilterName, value: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={`case-${name}`}>{label}</label>
      <select id={`case-${name}`} name={name} value={value} onChange={(event) => onChange(name, event.target.value)}>
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function useFilterOptions() {
  const user = useCurrentUser();
  const [staff, setStaff] = useState<Option[]>([]);
  const [categories, setCategories] = useState<Option[]>([]);
  useEffect(() => {
    api<{ categories: { id: string; name: string; active: boolean }[] }>('/categories?includeRetired=true')
      .then(({ categories: list }) => setCategories(list.map((c) => ({ value: c.id, label: c.active ? c.name : `${c.name} (retired)` }))))
      .catch(() => setCategories([]));
    // Only complaints officers and admins may list staff; everyone else filters by "me" or "unassigned".
    if (hasAnyRole(user, ['complaints_officer', 'admin'])) {
      api<{ staff: TStaffMember[] }>('/staff')
        .then(({ staff: list }) =>
          setStaff(list.filter((s) => s.active && s.id !== user.id && s.roles.some((r) => r === 'handler' || r === 'reviewer')).map((s) => ({ value: s.id, label: s.name }))),
        )
        .catch(() => setStaff([]));
    }
  }, [user]);
  return { staff, categories };
}

export function CaseList() {
  const search = useLocationSearch();
  const view = readView(search);
  // The list with the query it answers, so the summary never describes a view still loading.
  const [loaded, setLoaded] = useState<{ search: string; list: TCaseList }>();
  const list = loaded?.list;
  const shown = readView(loaded?.search ?? search);
  const [error, setError] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [draft, setDraft] = useState(view.filters);
  const results = useRef<HTMLHeadingElement>(null);
  const { staff, categories } = useFilterOptions();

  // The form shows the URL's filters whenever the URL changes (back button, a shared link).
  useEffect(() => setDraft(readView(search).filters), [search]);

  const load = useCallback(async () => {
    try {
      setLoaded({ search, list: await api<TCaseList>(`/complaints${search}`) });
      setError(undefined);
    } catch (caught) {
      setError((caught as Error).message);
    }
  }, [search]);
  useEffect(() => {
    void load();
  }, [load]);

  // Live: any complaint event refreshes this page where it is (filters, sort, page and focus stay).
  const changed = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useStaffEvents((type, payload) => {
    if (!type.startsWith('complaint.')) return;
    const complaint = payload.complaint as { id?: string } | undefined;
    changed.current.add(complaint?.id ?? type);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const count = changed.current.size;
      changed.current.clear();
      void load().then(() => setAnnouncement(`${count} case${count === 1 ? '' : 's'} updated`));
    }, 300);
  });
  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (next: CaseListView, focusResults = false) => {
    navigate(`/cases${writeView(next)}`);
    if (focusResults) results.current?.focus();
  };
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    go({ ...view, filters: draft, page: 1 }, true);
  };
  const setFilter = (name: FilterName, value: string) => setDraft((current) => ({ ...current, [name]: value }));
  const sortBy = (sort: TCaseListSort) => go({ ...view, sort, order: view.sort === sort && view.order === 'asc' ? 'desc' : 'asc', page: 1 });

  const handlerOptions: Option[] = [{ value: 'me', label: 'Me' }, { value: 'unassigned', label: 'Unassigned' }, ...staff];
  const chosenHandler = view.filters.handlerId;
  if (chosenHandler && !handlerOptions.some((o) => o.value === chosenHandler)) handlerOptions.push({ value: chosenHandler, label: 'The chosen member of staff' });
  const pageCount = list ? Math.max(1, Math.ceil(list.total / list.pageSize)) : 1;
  const first = list && list.total > 0 ? (list.page - 1) * list.pageSize + 1 : 0;
  const last = list ? Math.min(list.total, list.page * list.pageSize) : 0;
  const pageLink = (page: number) => `/cases${writeView({ ...view, page })}`;

  const sortHeader = (sort: TCaseListSort, label: string) => {
    const active = view.sort === sort;
    return (
      <th scope="col" aria-sort={active ? (view.order === 'asc' ? 'ascending' : 'descending') : undefined}>
        <button type="button" className="sort" onClick={() => sortBy(sort)}>
          {label}
          <span aria-hidden="true">{active ? (view.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
          <span className="visually-hidden">{active ? `, sorted ${view.order === 'asc' ? 'ascending' : 'descending'}` : ', sort'}</span>
        </button>
      </th>
    );
  };

  return (
    <>
      <PageHeading>Cases</PageHeading>
      <form className="filters" role="search" aria-label="Find cases" onSubmit={apply} noValidate>
        <div className="field field-wide">
          <label htmlFor="case-q">Search by reference, name or phone number</label>
          <input id="case-q" name="q" type="search" value={draft.q ?? ''} onChange={(event) => setFilter('q', event.target.value)} autoComplete="off" />
        </div>
        <div className="filter-grid">
          <Select name="status" label="Status" value={draft.status ?? ''} onChange={setFilter} options={COMPLAINT_STATUSES.map((s) => ({ value: s, label: STATUS_SHORT_LABELS[s] ?? s }))} />
          <Select name="stage" label="Stage" value={draft.stage ?? ''} onChange={setFilter} options={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] ?? s }))} />
          <Select name="deadline" label="Deadline" value={draft.deadline ?? ''} onChange={setFilter} options={DEADLINE_STATUSES.map((s) => ({ value: s, label: DEADLINE_STATUS_LABELS[s] ?? s }))} />
          <Select name="handlerId" label="Handler" value={draft.handlerId ?? ''} onChange={setFilter} options={handlerOptions} />
          <Select name="categoryId" label="Category" value={draft.categoryId ?? ''} onChange={setFilter} options={[{ value: 'none', label: 'Not categorised' }, ...categories]} />
          <Select name="channel" label="Channel" value={draft.channel ?? ''} onChange={setFilter} options={CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] ?? c }))} />
        </div>
        <div className="actions">
          <button type="submit">Apply filters</button>
          <button type="button" className="secondary" onClick={() => go({ filters: {}, sort: view.sort, order: view.order, page: 1 }, true)}>
            Clear filters
          </button>
        </div>
      </form>

      <h2 id="case-results" ref={results} tabIndex={-1}>
        Results
      </h2>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p role="status" className="results-summary">
        {list ? (list.total === 0 ? 'No cases match.' : `Showing ${first} to ${last} of ${list.total} cases, sorted by ${SORT_LABELS[shown.sort]}, ${shown.order === 'asc' ? 'ascending' : 'descending'}.`) : !error ? 'Loading cases…' : ''}
      </p>
      <p aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {list && list.items.length > 0 && (
        <div className="table-scroll" role="region" aria-labelledby="case-results" tabIndex={0}>
          <table className="cases">
            <thead>
              <tr>
                {sortHeader('reference', 'Reference')}
                <th scope="col">Resident</th>
                <th scope="col">Stage</th>
                {sortHeader('status', 'Status')}
                <th scope="col">Handler</th>
                <th scope="col">Category</th>
                <th scope="col">Channel</th>
                {sortHeader('receivedAt', 'Received')}
                {sortHeader('dueOn', 'Deadline')}
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id}>
                  <td>
                    <a href={`/cases/${item.id}`} onClick={(event) => follow(event, `/cases/${item.id}`)}>
                      {item.reference}
                    </a>
                  </td>
                  <td>{item.residentName ?? <span className="muted">Name not known</span>}</td>
                  <td>{STAGE_LABELS[item.stage]}</td>
                  <td>{STATUS_SHORT_LABELS[item.status]}</td>
                  <td>{item.handlerName ?? <span className="muted">Unassigned</span>}</td>
                  <td>{item.categoryName ?? <span className="muted">None</span>}</td>
                  <td>{CHANNEL_LABELS[item.channel]}</td>
                  <td>{formatDate(item.receivedAt)}</td>
                  <td>
                    <DeadlineBadge deadline={item.deadline} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {list && list.total > list.pageSize && (
        <nav aria-label="Pages" className="pager">
          {list.page > 1 ? (
            <a href={pageLink(list.page - 1)} onClick={(event) => { follow(event, pageLink(list.page - 1)); results.current?.focus(); }} rel="prev">
              Previous page
            </a>
          ) : (
            <span className="muted">Previous page</span>
          )}
          <span>
            Page {list.page} of {pageCount}
          </span>
          {list.page < pageCount ? (
            <a href={pageLink(list.page + 1)} onClick={(event) => { follow(event, pageLink(list.page + 1)); results.current?.focus(); }} rel="next">
              Next page
            </a>
          ) : (
            <span className="muted">Next page</span>
          )}
        </nav>
      )}
    </>
  );
}

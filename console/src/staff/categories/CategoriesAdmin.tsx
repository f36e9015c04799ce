// Complaint categories (9.1, 9.4: learning and trends are grouped by them). Complaints officers
// and admins add, rename, retire and restore them; nothing is deleted, because closed cases and
// reports still name a retired category.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';
import { FormError, useFormSubmit } from '../../shared/useFormSubmit.tsx';
import { PageHeading } from '../PageHeading.tsx';
import { useStaffEvents } from '../live/staffSocket.ts';
import '../cases/cases.css';

interface Category {
  id: string;
  name: string;
  description: string | null;
  active: boolean;
  version: number;
}

function CategoryItem({ category, onChanged }: { category: Category; onChanged: (message: string) => void }) {
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string>();
  const heading = useRef<HTMLHeadingElement>(null);
  const idPrefix = `category-${category.id}`;
  const rename = useFormSubmit(async (form) => {
    const name = String(form.get('name') ?? '');
    const description = String(form.get('description') ?? '');
    await api(`/categories/${category.id}`, { method: 'PUT', body: { name, description, version: category.version } });
    setRenaming(false);
    heading.current?.focus();
    onChanged(`Saved “${name.trim()}”.`);
  });
  const toggle = async () => {
    setError(undefined);
    try {
      await api(`/categories/${category.id}`, { method: 'PUT', body: { active: !category.active, version: category.version } });
      onChanged(category.active ? `Retired “${category.name}”: it is no longer offered for new cases.` : `Restored “${category.name}”.`);
    } catch (caught) {
      setError((caught as Error).message);
    }
  };
  return (
    <li className="card" aria-labelledby={`${idPrefix}-name`}>
      <h3 id={`${idPrefix}-name`} ref={heading} tabIndex={-1}>
        {category.name}
        {!category.active && <span className="tag">Retired</span>}
      </h3>
      {category.description && <p className="muted">{category.description}</p>}
      {renaming ? (
        <form onSubmit={rename.onSubmit} noValidate aria-label={`Rename ${category.name}`}>
          <label htmlFor={`${idPrefix}-new-name`}>Name</label>
          <input id={`${idPrefix}-new-name`} name="name" defaultValue={category.name} autoFocus />
          <label htmlFor={`${idPrefix}-description`}>Description (optional)</label>
          <input id={`${idPrefix}-description`} name="description" defaultValue={category.description ?? ''} />
          <FormError error={rename.error} />
          <div className="actions">
            <button type="submit" disabled={rename.busy}>
              Save<span className="visually-hidden"> {category.name}</span>
            </button>
            <button type="button" className="secondary" onClick={() => setRenaming(false)}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setRenaming(true)}>
            Rename<span className="visually-hidden"> {category.name}</span>
          </button>
          <button type="button" className="secondary" onClick={toggle}>
            {category.active ? 'Retire' : 'Restore'}
            <span className="visually-hidden"> {category.name}</span>
          </button>
        </div>
      )}
      <FormError error={error} />
    </li>
  );
}

export function CategoriesAdmin() {
  const [categories, setCategories] = useState<Category[]>();
  const [error, setError] = useState<string>();
  const [status, setStatus] = useState('');
  const load = useCallback(() => {
    api<{ categories: Category[] }>('/categories?includeRetired=true')
      .then((answer) => {
        setCategories(answer.categories);
        setError(undefined);
      })
      .catch((caught: unknown) => setError((caught as Error).message));
  }, []);
  useEffect(load, [load]);
  // Another officer's change shows here at once.
  useStaffEvents((type) => {
    if (type === 'category.updated') load();
  });
  const changed = (message: string) => {
    setStatus(message);
    load();
  };
  const add = useFormSubmit(async (form, element) => {
    // The server checks the name (empty, too long, already used) and says what is wrong.
    const created = await api<Category>('/categories', { method: 'POST', body: { name: form.get('name'), description: form.get('description') } });
    element.reset();
    changed(`Added “${created.name}”.`);
  });

  return (
    <>
      <PageHeading>Categories</PageHeading>
      <p>Categories group complaints for learning and reports. Retire one that is no longer used: cases already in it keep it.</p>
      <form onSubmit={add.onSubmit} noValidate className="narrow" aria-labelledby="add-category-heading">
        <h2 id="add-category-heading">Add a category</h2>
        <label htmlFor="category-name">Name</label>
        <input id="category-name" name="name" />
        <label htmlFor="category-description">Description (optional)</label>
        <input id="category-description" name="description" />
        <FormError error={add.error} />
        <button type="submit" disabled={add.busy}>
          Add category
        </button>
      </form>
      <p role="status">{status}</p>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">All categories</h2>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {!categories && !error && <p>Loading…</p>}
        {categories && (
          <ul className="cards">
            {categories.map((category) => (
              <CategoryItem key={category.id} category={category} onChanged={changed} />
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

// 9.1: closing records the category and what the landlord learns from the complaint.
import { useEffect, useState } from 'react';
import { ZCloseCaseSchema } from '@complaints/server/schemas';
import { api } from '../../shared/api.ts';
import { SelectField, TextArea } from './Field.tsx';
import { FormAlert } from './FormAlert.tsx';
import { useActionSubmit } from './useActionSubmit.ts';
import { useCaseContext, useDirty } from './useCase.ts';

export function CloseForm() {
  const { complaint } = useCaseContext();
  const [categories, setCategories] = useState<{ id: string; name: string }[]>();
  const [loadError, setLoadError] = useState<string>();
  const [categoryId, setCategoryId] = useState('');
  const [learning, setLearning] = useState('');
  useDirty('close', Boolean(categoryId || learning));
  useEffect(() => {
    api<{ categories: { id: string; name: string }[] }>('/categories')
      .then((answer) => setCategories(answer.categories))
      .catch((caught: unknown) => setLoadError((caught as Error).message));
  }, []);
  const body = { categoryId, learning, version: complaint.version };
  const { errors, busy, onSubmit } = useActionSubmit(ZCloseCaseSchema, `/complaints/${complaint.id}/close`, 'Closed. The category and learning are recorded.');
  return (
    <form noValidate onSubmit={onSubmit(() => body)} className="narrow">
      <p>Closing sends no letter. Remedies and outstanding actions still open stay tracked after closing (7.3).</p>
      <SelectField
        id="close-categoryId"
        label="Category"
        required
        placeholder={categories ? 'Choose a category' : 'Loading…'}
        value={categoryId}
        onChange={setCategoryId}
        options={(categories ?? []).map((c) => ({ value: c.id, label: c.name }))}
        error={errors.fields.categoryId}
      />
      {loadError && <p className="error">The categories could not be loaded: {loadError}</p>}
      <TextArea
        id="close-learning"
        label="Learning from this complaint"
        hint="What should change beyond this case (9.1)? It goes into the annual report."
        rows={4}
        required
        value={learning}
        onChange={setLearning}
        error={errors.fields.learning}
      />
      <FormAlert errors={errors} />
      <button type="submit" disabled={busy}>
        {busy ? 'Closing…' : 'Close the complaint'}
      </button>
    </form>
  );
}

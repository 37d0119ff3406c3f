import { boothSetup, createBooth, deleteBooth, updateBooth, type BoothSetup, type NewBooth } from '../api/market';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorNote, Loading, useAsync } from '../ui/Async';
import { ConfirmButton } from '../ui/ConfirmButton';
import { BoothForm } from './BoothForm';
import { boothValues, EMPTY_BOOTH } from './booth-form';
import { useRowEditor } from './useRowEditor';
import { useSave } from './useSave';

/** Markt der Möglichkeiten for organisers: the booths (edit, delete) and a new one. */
export function BoothsTab({ slug }: { slug: string }) {
  const { t } = useI18n();
  const booths = useAsync((signal) => boothSetup(slug, signal), [slug]);
  const rows = useRowEditor();
  const created = useSave();
  const edited = useSave();
  const list = booths.data?.people ?? [];
  const nameOf = (id: string) => list.find((p) => p.id === id)?.name ?? id;
  /** Runs a write through its useSave (which shows a refusal); true when it went through. */
  const saving = async (save: typeof created.save, work: () => Promise<string>) => {
    let ok = false;
    await save(async () => {
      const message = await work();
      ok = true;
      booths.reload();
      return message;
    });
    return ok;
  };
  const add = (body: NewBooth) =>
    saving(created.save, async () => {
      await createBooth(slug, body);
      return t('org.saved', { name: body.name });
    });
  const change = (b: BoothSetup, body: NewBooth) =>
    saving(edited.save, async () => {
      await updateBooth(slug, b.id, body);
      rows.close(b.id, t('org.saved', { name: body.name }));
      return '';
    });
  const remove = (b: BoothSetup) =>
    void edited.save(async () => {
      await deleteBooth(slug, b.id);
      rows.removed(t('org.booth.deleted', { name: b.name }));
      booths.reload();
      return '';
    });
  return (
    <>
      <section aria-labelledby="org-booths" className="panel">
        <h2 id="org-booths" ref={rows.heading} tabIndex={-1}>
          {t('org.booth.list')}
        </h2>
        {booths.loading && !booths.data && <Loading />}
        {booths.error ? <ErrorNote error={booths.error} /> : null}
        <p role="status">{rows.status}</p>
        {booths.data?.booths.length === 0 && <p>{t('market.none')}</p>}
        <ul className="plain-list resource-rows">
          {booths.data?.booths.map((b) => (
            <li key={b.id} data-booth-id={b.id}>
              <strong>{b.name}</strong> {t('org.booth.row', { capacity: b.capacity, staff: b.staff.map(nameOf).join(', ') || t('org.people.none') })}{' '}
              <button type="button" ref={rows.buttonRef(b.id)} aria-label={`${t('org.session.edit')}: ${b.name}`} aria-expanded={rows.editing === b.id} onClick={() => rows.toggle(b.id)}>
                {t('org.session.edit')}
              </button>
              {rows.editing === b.id && (
                <section className="panel session-editor" aria-label={t('org.booth.editTitle', { name: b.name })}>
                  <BoothForm id={`booth-${b.id}`} initial={boothValues(b)} people={list} submitLabel={t('common.save')} onSubmit={(body) => change(b, body)} onCancel={() => rows.close(b.id)} />
                  {edited.feedback}
                  <ConfirmButton question={t('org.booth.deleteQuestion', { name: b.name })} onConfirm={() => remove(b)}>
                    {t('org.booth.delete')}
                  </ConfirmButton>
                </section>
              )}
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="org-new-booth" className="panel">
        <h2 id="org-new-booth">{t('org.booth.new')}</h2>
        <BoothForm id="new-booth" initial={EMPTY_BOOTH} people={list} submitLabel={t('org.addBooth')} onSubmit={add} />
        {created.feedback}
      </section>
    </>
  );
}

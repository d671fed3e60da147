// What was found, beside the photo: grouped by category, each finding and each category switchable,
// keepable numbers with their preset. Every switch is an undoable edit.
import { useTranslation } from 'react-i18next';
import { lastFourInDoubt } from '../../engine/detect/last-four-shown';
import { PAGE_KINDS, type PageKind } from '../../engine/documents/page-kinds';
import type { Finding, KeepPreset } from '../../engine/types';
import { engineNote } from '../i18n/engine-text';
import {
  categoryLabel,
  findingsOf,
  groupFindings,
  kindLabel,
  maskedText,
  presetLabel,
  PRESETS,
  shownChoice,
  type FindingGroup,
} from '../session/findings';
import type { Item } from '../session/items';
import type { Session } from '../session/session';
import { PasswordForm } from './PasswordForm';

export function FindingsPanel({ session, item }: { session: Session; item: Item }) {
  const { t } = useTranslation();
  const doc = item.history.present;
  const manual = doc.masks.filter((m) => m.source === 'manual').length;
  return (
    <section className="findings" aria-labelledby="findings-title">
      <h2 id="findings-title" tabIndex={-1}>
        {t('findings.title')}
      </h2>
      <PageKindPicker session={session} item={item} />
      {item.status === 'detecting' && (
        <p className="hint" aria-live="polite">
          {t('findings.looking', { detail: item.message })}
        </p>
      )}
      {item.status === 'error' && (
        <p className="error-text" role="alert">
          {item.message}
        </p>
      )}
      {item.needsPassword && <PasswordForm key={item.message} session={session} item={item} />}
      {item.status === 'ready' && findingsOf(item).length === 0 && (
        <div className="nothing-found" data-testid="nothing-found">
          <p>
            <strong>{t('findings.nothingTitle')}</strong> {t('findings.nothingBody')}
          </p>
          <button type="button" onClick={() => session.ui.setTool('number')}>
            {t('findings.markNumber')}
          </button>{' '}
          <button type="button" onClick={() => session.ui.setTool('draw')}>
            {t('findings.drawMasks')}
          </button>
        </div>
      )}
      {item.status === 'ready' &&
        groupFindings(findingsOf(item)).map((g) => (
          <Group key={g.category} session={session} item={item} group={g} />
        ))}
      {item.status === 'ready' && (
        <p className="hint">
          {manual === 0 ? t('findings.noManual') : t('findings.manual', { count: manual })}
        </p>
      )}
      {doc.masks.length > 0 && item.status === 'ready' && <p className="hint">{t('findings.solid')}</p>}
    </section>
  );
}

/**
 * What the page is, as the engine classified it, with a picker to correct it: the finders run again
 * for the chosen kind (a passport gets no card-number finder, a card gets it back).
 */
function PageKindPicker({ session, item }: { session: Session; item: Item }) {
  const { t } = useTranslation();
  const page = item.pageKind;
  if (!page) return null;
  const value = Math.round(page.confidence * 100) / 100;
  const why = page.chosen
    ? t('findings.chosenByYou')
    : page.reasons.length
      ? t('findings.sureWhy', { value, reasons: page.reasons.map(engineNote).join(' · ') })
      : t('findings.sure', { value });
  return (
    <div className="page-kind">
      <label>
        {t('findings.kindOfPage')}{' '}
        <select
          data-testid="page-kind"
          value={page.kind}
          disabled={item.status !== 'ready'}
          onChange={(e) => session.setPageKind(item.id, e.target.value as PageKind)}
          aria-describedby={`page-kind-why-${item.id}`.replace(/[^\w-]/g, '_')}
        >
          {PAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`pageKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <span className="notes" id={`page-kind-why-${item.id}`.replace(/[^\w-]/g, '_')}>
        {why} {t('findings.changeKind')}
      </span>
    </div>
  );
}

function Group({ session, item, group }: { session: Session; item: Item; group: FindingGroup }) {
  const { t } = useTranslation();
  const on = group.findings.filter((f) => shownChoice(item, f).enabled).length;
  const all = on === group.findings.length;
  const id = `group-${item.id}-${group.category}`.replace(/[^\w-]/g, '_');
  return (
    <fieldset className="finding-group" data-testid="finding-group">
      <legend>
        <label>
          <input
            type="checkbox"
            checked={all}
            ref={(el) => {
              if (el) el.indeterminate = on > 0 && !all;
            }}
            onChange={() =>
              void session.setFindings(
                item.id,
                group.findings.map((f) => ({ findingId: f.id, enabled: !all })),
              )
            }
            aria-describedby={`${id}-count`}
          />
          {categoryLabel(group.category)}
        </label>{' '}
        <span id={`${id}-count`} className="count">
          {t('findings.masked', { on, total: group.findings.length })}
        </span>
      </legend>
      <ul>
        {group.findings.map((f) => (
          <FindingRow key={f.id} session={session} item={item} finding={f} />
        ))}
      </ul>
    </fieldset>
  );
}

function FindingRow({ session, item, finding }: { session: Session; item: Item; finding: Finding }) {
  const { t } = useTranslation();
  const choice = shownChoice(item, finding);
  const text = maskedText(finding);
  return (
    <li
      className="finding"
      data-testid="finding"
      data-kind={finding.kind}
      data-enabled={choice.enabled}
      data-marked={item.history.present.marked?.includes(finding) ? 'true' : undefined}
    >
      <label>
        <input
          type="checkbox"
          checked={choice.enabled}
          onChange={(e) =>
            void session.setFindings(item.id, [{ findingId: finding.id, enabled: e.target.checked }])
          }
        />
        <span className="digits">{text}</span> <span className="kind">{kindLabel(finding.kind)}</span>
        {!finding.enabledByDefault && <span className="badge">{t('findings.suggestion')}</span>}
      </label>
      {finding.notes && finding.notes.length > 0 && (
        <span className="notes">{finding.notes.map(engineNote).join(' · ')}</span>
      )}
      {choice.enabled && choice.preset !== 'none' && lastFourInDoubt(finding) && (
        <span className="notes doubt" data-testid="finding-last-four-doubt" role="note">
          {t('findings.lastFourInDoubt')}
        </span>
      )}
      {finding.keepable && (
        <select
          aria-label={t('findings.keepLabel', { text })}
          value={choice.preset}
          disabled={!choice.enabled}
          onChange={(e) =>
            void session.setFindings(item.id, [
              { findingId: finding.id, preset: e.target.value as KeepPreset },
            ])
          }
        >
          {PRESETS.map((p) => (
            <option key={p} value={p}>
              {presetLabel(p)}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}

// What was found, beside the photo: grouped by category, each finding and each category switchable,
// keepable numbers with their preset. Every switch is an undoable edit.
import { PAGE_KIND_LABEL, PAGE_KINDS, type PageKind } from '../../engine/documents/page-kinds';
import type { Finding, KeepPreset } from '../../engine/types';
import {
  groupFindings,
  kindLabel,
  maskedText,
  PRESET_LABEL,
  shownChoice,
  type FindingGroup,
} from '../session/findings';
import type { Item } from '../session/items';
import type { Session } from '../session/session';
import { PasswordForm } from './PasswordForm';

const PRESETS = Object.keys(PRESET_LABEL) as KeepPreset[];

export function FindingsPanel({ session, item }: { session: Session; item: Item }) {
  const doc = item.history.present;
  const manual = doc.masks.filter((m) => m.source === 'manual').length;
  return (
    <section className="findings" aria-labelledby="findings-title">
      <h2 id="findings-title">Found in this image</h2>
      <PageKindPicker session={session} item={item} />
      {item.status === 'detecting' && (
        <p className="hint" aria-live="polite">
          Looking for numbers… {item.message}
        </p>
      )}
      {item.status === 'error' && (
        <p className="error-text" role="alert">
          {item.message}
        </p>
      )}
      {item.needsPassword && <PasswordForm key={item.message} session={session} item={item} />}
      {item.status === 'ready' && item.findings.length === 0 && (
        <div className="nothing-found" data-testid="nothing-found">
          <p>
            <strong>No card number or ID number was found.</strong> That can happen with embossed, shiny or
            blurred digits. Draw masks over anything you want hidden.
          </p>
          <button type="button" onClick={() => session.ui.setTool('draw')}>
            Draw masks
          </button>
        </div>
      )}
      {item.status === 'ready' &&
        groupFindings(item.findings).map((g) => (
          <Group key={g.category} session={session} item={item} group={g} />
        ))}
      {item.status === 'ready' && (
        <p className="hint">
          {manual === 0 ? 'No masks drawn by you.' : `${manual} mask${manual === 1 ? '' : 's'} drawn by you.`}
        </p>
      )}
      {doc.masks.length > 0 && item.status === 'ready' && (
        <p className="hint">
          Masks are solid black when exported: the digits under them are gone, not blurred.
        </p>
      )}
    </section>
  );
}

/**
 * What the page is, as the engine classified it, with a picker to correct it: the finders run again
 * for the chosen kind (a passport gets no card-number finder, a card gets it back).
 */
function PageKindPicker({ session, item }: { session: Session; item: Item }) {
  const page = item.pageKind;
  if (!page) return null;
  const why = page.chosen
    ? 'Chosen by you.'
    : `${Math.round(page.confidence * 100)}% sure${page.reasons.length ? `: ${page.reasons.join(' · ')}` : ''}.`;
  return (
    <div className="page-kind">
      <label>
        Kind of page{' '}
        <select
          data-testid="page-kind"
          value={page.kind}
          disabled={item.status !== 'ready'}
          onChange={(e) => session.setPageKind(item.id, e.target.value as PageKind)}
          aria-describedby={`page-kind-why-${item.id}`.replace(/[^\w-]/g, '_')}
        >
          {PAGE_KINDS.map((k) => (
            <option key={k} value={k}>
              {PAGE_KIND_LABEL[k]}
            </option>
          ))}
        </select>
      </label>
      <span className="notes" id={`page-kind-why-${item.id}`.replace(/[^\w-]/g, '_')}>
        {why} Change it if it is wrong: the page is read again for that kind, your own masks stay.
      </span>
    </div>
  );
}

function Group({ session, item, group }: { session: Session; item: Item; group: FindingGroup }) {
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
          {group.category}
        </label>{' '}
        <span id={`${id}-count`} className="count">
          {on} of {group.findings.length} masked
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
  const choice = shownChoice(item, finding);
  const text = maskedText(finding);
  return (
    <li className="finding" data-testid="finding" data-kind={finding.kind} data-enabled={choice.enabled}>
      <label>
        <input
          type="checkbox"
          checked={choice.enabled}
          onChange={(e) =>
            void session.setFindings(item.id, [{ findingId: finding.id, enabled: e.target.checked }])
          }
        />
        <span className="digits">{text}</span> <span className="kind">{kindLabel(finding.kind)}</span>
        {!finding.enabledByDefault && <span className="badge">suggestion</span>}
      </label>
      {finding.notes && finding.notes.length > 0 && (
        <span className="notes">{finding.notes.join(' · ')}</span>
      )}
      {finding.keepable && (
        <select
          aria-label={`What stays visible of ${text}`}
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
              {PRESET_LABEL[p]}
            </option>
          ))}
        </select>
      )}
    </li>
  );
}

// The images being worked on, with status and real OCR progress. A list beside the editor on wide
// screens, a horizontal strip on phones.
import { useTranslation } from 'react-i18next';
import { itemLabel, maskCount, type Item } from '../session/items';
import type { Session } from '../session/session';
import { CameraPicker, FilePicker } from './FilePicker';
import { Thumbnail } from './Thumbnail';

export function ItemList({
  session,
  items,
  selectedId,
}: {
  session: Session;
  items: readonly Item[];
  selectedId: string | null;
}) {
  const { t } = useTranslation();
  return (
    <nav className="item-list" aria-label={t('items.region')}>
      <FilePicker onFiles={(f) => session.addFiles(f)} label={t('picker.add')} />
      <CameraPicker onFiles={(f) => session.addFiles(f)} />
      <ul>
        {items.map((item) => (
          <ItemEntry key={item.id} session={session} item={item} selected={item.id === selectedId} />
        ))}
      </ul>
    </nav>
  );
}

function ItemEntry({ session, item, selected }: { session: Session; item: Item; selected: boolean }) {
  const { t } = useTranslation();
  const label = itemLabel(item);
  const count = maskCount(item);
  return (
    <li
      className={`item status-${item.status}${selected ? ' selected' : ''}`}
      data-testid="image-item"
      data-status={item.status}
      data-mask-count={count}
    >
      <button
        type="button"
        className="item-select"
        aria-current={selected ? 'true' : undefined}
        onClick={() => session.select(item.id)}
      >
        <Thumbnail bitmap={item.bitmap} />
        <span className="item-text">
          <span className="item-name" title={item.name}>
            {item.name}
          </span>
          {item.page && item.page.count > 1 && (
            <span className="item-page">
              {item.page.label || t('items.page', { page: item.page.index + 1, total: item.page.count })}
            </span>
          )}
          <span
            className="item-message"
            data-testid="item-message"
            title={item.status === 'error' ? item.message : undefined}
            role={item.status === 'error' ? 'alert' : undefined}
          >
            {item.status === 'ready' ? t('items.masks', { count }) : item.message}
          </span>
          {item.status === 'detecting' && (
            <progress
              max={1}
              value={item.progress ?? undefined}
              aria-label={t('items.progressFor', { name: label })}
              data-testid="item-progress"
            />
          )}
        </span>
      </button>
      <button
        type="button"
        className="icon-button remove"
        aria-label={t('items.remove', { name: label })}
        data-testid="item-remove"
        onClick={() => session.remove(item.id)}
      >
        ×
      </button>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { Item } from '../session/items';
import type { Session } from '../session/session';

/** A protected PDF: the password goes straight to the engine's open() and is not kept. */
export function PasswordForm({ session, item }: { session: Session; item: Item }) {
  const { t } = useTranslation();
  return (
    <form
      className="password-form"
      onSubmit={(e) => {
        e.preventDefault();
        const input = e.currentTarget.elements.namedItem('password');
        if (input instanceof HTMLInputElement && input.value) session.retryWithPassword(item.id, input.value);
      }}
    >
      <label>
        {t('password.label', { name: item.name })}
        <input name="password" type="password" autoComplete="off" required data-testid="pdf-password" />
      </label>
      <button type="submit" className="primary">
        {t('password.open')}
      </button>
    </form>
  );
}

import { ROOM_KINDS, type RoomKind } from '../api/organiser';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/types';

/** Virtual stage, forum room or physical hall, labelled in the reader's language. */
export function RoomKindSelect({ id, value, onChange }: { id: string; value: RoomKind; onChange: (kind: RoomKind) => void }) {
  const { t } = useI18n();
  return (
    <div className="form-row">
      <label htmlFor={id}>{t('org.field.roomKind')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as RoomKind)}>
        {ROOM_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`roomKind.${k}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}

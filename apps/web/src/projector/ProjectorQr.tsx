import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useI18n } from '../i18n/I18nProvider';

/** The hall-mode link as a large QR code with the address as text (no link: a projector has no pointer). */
export function ProjectorQr({ url }: { url: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    // Dark modules on white, whatever the stage colours: scanners need the contrast.
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 360 }).then((data) => !cancelled && setSrc(data));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <figure className="projector__qr">
      {src && <img src={src} width={360} height={360} alt={t('hall.qrAlt', { url })} />}
      <figcaption>
        <strong className="block">{t('projector.askForChair')}</strong>
        <span className="break">{url}</span>
      </figcaption>
    </figure>
  );
}

import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { useI18n } from '../i18n/I18nProvider';

/** The hall link as a QR code, large enough to scan from a screen in the hall. */
export function HallQr({ url }: { url: string }) {
  const { t } = useI18n();
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, width: 320 }).then((data) => !cancelled && setSrc(data));
    return () => {
      cancelled = true;
    };
  }, [url]);
  return (
    <figure className="hall-qr">
      {src && <img src={src} width={320} height={320} alt={t('hall.qrAlt', { url })} />}
      <figcaption>
        <a href={url} className="break">
          {url}
        </a>
      </figcaption>
    </figure>
  );
}

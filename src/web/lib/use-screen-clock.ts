import { useEffect, useState } from 'react';
import QRCode from 'qrcode';

/** The current time, ticking every half second (a screen's countdown to the next code follows it). */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The QR image (a data: URL) of a text, redrawn when the text changes. */
export function useQrImage(text: string | undefined): string | null {
  const [image, setImage] = useState<{ text: string; src: string } | null>(null);
  useEffect(() => {
    if (!text) return;
    let isCurrent = true;
    void QRCode.toDataURL(text, { width: 640, margin: 1, errorCorrectionLevel: 'M' }).then((src) => isCurrent && setImage({ text, src }));
    return () => {
      isCurrent = false;
    };
  }, [text]);
  return image?.src ?? null;
}

import * as QRCode from 'qrcode';

/** The ticket code as a QR code, black on white with its quiet zone, sized by its viewBox (the API's ticket.svg and the participant's page). */
export async function ticketSvg(code: string): Promise<string> {
  return QRCode.toString(code, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

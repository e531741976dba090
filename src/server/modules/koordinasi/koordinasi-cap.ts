/**
 * A public imbauan as an OASIS Common Alerting Protocol 1.2 message, so that broadcasters and
 * alerting platforms can relay it. A drill carries status "Exercise". CAP 1.2 forbids "Z" in times:
 * `sent` is written with the region's own UTC offset (WIB +07:00, WITA +08:00, WIT +09:00).
 * Validated against the CAP 1.2 schema in tests (docs/standards/CAP-v1.2.xsd, xmllint).
 */
import { create } from 'xmlbuilder2';
import { isoSetempat } from '../../../domain/time/zona';

export interface CapInput {
  id: string;
  sentAt: Date;
  judul: string;
  isi: string;
  namaWilayah: string;
  kodeWilayah: string;
  latihan: boolean;
  jenis: 'instruksi' | 'imbauan';
  urgency: string;
  severity: string;
  certainty: string;
  pengirim: string;
}

export function buildCapAlert(input: CapInput): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' })
    .ele('urn:oasis:names:tc:emergency:cap:1.2', 'alert')
    .ele('identifier')
    .txt(`siaga-imbauan-${input.id}`)
    .up()
    // CAP: sender has no spaces or commas.
    .ele('sender')
    .txt(`siaga.kesbangpol.${input.kodeWilayah.replaceAll('.', '')}`)
    .up()
    .ele('sent')
    .txt(isoSetempat(input.sentAt, input.kodeWilayah))
    .up()
    .ele('status')
    .txt(input.latihan ? 'Exercise' : 'Actual')
    .up()
    .ele('msgType')
    .txt('Alert')
    .up()
    .ele('scope')
    .txt('Public')
    .up();
  if (input.latihan) doc.ele('note').txt('LATIHAN / EXERCISE: bukan kejadian sebenarnya').up();
  doc
    .ele('info')
    .ele('language')
    .txt('id-ID')
    .up()
    .ele('category')
    .txt('Safety')
    .up()
    .ele('event')
    .txt(input.jenis === 'instruksi' ? 'Instruksi pengamanan Pilkada' : 'Imbauan kamtibmas Pilkada')
    .up()
    .ele('urgency')
    .txt(input.urgency)
    .up()
    .ele('severity')
    .txt(input.severity)
    .up()
    .ele('certainty')
    .txt(input.certainty)
    .up()
    .ele('senderName')
    .txt(input.pengirim)
    .up()
    .ele('headline')
    .txt(input.judul)
    .up()
    .ele('description')
    .txt(input.isi)
    .up()
    .ele('area')
    .ele('areaDesc')
    .txt(input.namaWilayah)
    .up()
    .ele('geocode')
    .ele('valueName')
    .txt('KEMENDAGRI')
    .up()
    .ele('value')
    .txt(input.kodeWilayah)
    .up();
  return doc.end({ prettyPrint: true });
}

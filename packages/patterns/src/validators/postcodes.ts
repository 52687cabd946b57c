/**
 * UK postcodes: the outward code's letters must name one of Royal Mail's postcode areas. A value written
 * the way the Royal Mail prints it (capitals, one space: "SW1A 1AA") in a real area is a postcode on its
 * face; lowercase or unspaced forms ("m11aa") are too like other codes to stand without an address word.
 */

// The postcode areas of Great Britain, Northern Ireland, the Channel Islands and the Isle of Man, and
// the two non-geographic ones (BF, BX).
const AREAS = new Set(
  (
    'AB AL B BA BB BD BF BH BL BN BR BS BT BX CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC ' +
    'EH EN EX FK FY G GL GU GY HA HD HG HP HR HS HU HX IG IM IP IV JE KA KT KW KY L LA LD LE LL LN LS LU M ' +
    'ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW ' +
    'SY TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE'
  ).split(' '),
);
const AS_PRINTED = /^[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}$/;

/** True for a printed postcode in a real area; false outside every area; undefined otherwise. */
export function ukPostcode(value: string): boolean | undefined {
  if (/^gir ?0aa$/i.test(value)) return value === 'GIR 0AA' ? true : undefined; // Girobank's own
  const area = /^[a-z]{1,2}/i.exec(value)?.[0].toUpperCase();
  if (area === undefined || !AREAS.has(area)) return false;
  return AS_PRINTED.test(value) ? true : undefined;
}

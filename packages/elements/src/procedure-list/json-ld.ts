/** schema.org JSON-LD of a catalogue for `<motcua-procedure-list json-ld>`, loaded lazily. */
import { type Catalogue, procedureToJsonLd } from '@motcua/core/catalogue';

/** The catalogue's procedures as `GovernmentService` JSON-LD, safe to put in a `<script>` element. */
export function catalogueJsonLd(catalogue: Catalogue): string {
  const services = catalogue.procedures.map((procedure) => procedureToJsonLd(procedure, catalogue.agency));
  return JSON.stringify(services).replaceAll('<', '\\u003c');
}

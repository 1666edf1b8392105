/**
 * The header row of the exports for people (CSV, XLSX) in French, as checklist.md lists it,
 * written out here so that the tests compare the files with the contract, not with the code.
 */
export const PEOPLE_HEADER_FR = [
  'ID',
  'Version',
  'Module',
  'Changement',
  'Étape',
  'Résultat attendu',
  'Priorité',
  'Statut',
  'Commentaire',
  'Anomalie',
  'Testé par',
  'Date',
  'Reporté de',
];

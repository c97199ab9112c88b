import type { Role, Specialty } from '#taxonomy';

/** Words for reasons: "Asks 3 years of inpatient coding". */
export const SPECIALTY_LABELS: Record<Specialty, string> = {
  inpatient: 'inpatient',
  outpatient: 'outpatient',
  profee: 'professional fee',
  emergency: 'emergency department',
  surgery: 'surgery',
  radiology: 'radiology',
  cardiology: 'cardiology',
  oncology: 'oncology',
  orthopedics: 'orthopedics',
  anesthesia: 'anesthesia',
  pathology_lab: 'pathology and lab',
  risk_adjustment: 'risk adjustment',
  em: 'E/M',
  home_health: 'home health',
  behavioral_health: 'behavioral health',
  pediatrics: 'pediatrics',
  obgyn: 'OB/GYN',
  interventional_radiology: 'interventional radiology',
  dental: 'dental',
  ambulance: 'ambulance',
  skilled_nursing: 'skilled nursing',
  urgent_care: 'urgent care',
  general: 'general',
};

/** "a coding role", "a CDI role". */
export const ROLE_LABELS: Record<Role, string> = {
  coder: 'coding',
  biller: 'billing',
  coder_biller: 'coding and billing',
  auditor: 'coding audit',
  cdi: 'CDI',
  ar_denials: 'AR and denials',
  educator: 'coding education',
  him_other: 'HIM',
  other: 'other',
};

/** What the years of a role are years of: "inpatient coding", "ambulance billing". */
export const ROLE_WORK_NOUN: Record<Role, string> = {
  coder: 'coding',
  biller: 'billing',
  coder_biller: 'coding',
  auditor: 'coding',
  cdi: 'CDI',
  ar_denials: 'billing',
  educator: 'coding',
  him_other: 'HIM',
  other: 'experience',
};

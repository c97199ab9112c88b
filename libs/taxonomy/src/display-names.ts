// What people read for each code: on the pages, in digests and on the recruiters' forms.
import type { EmploymentType, Role, SalaryPeriod, Specialty, WorkMode } from './vocabulary';

/** A person in the role: "Medical coder" (headings, landing pages, filters). */
export const ROLE_NAMES: Record<Role, string> = {
  coder: 'Medical coder',
  biller: 'Medical biller',
  coder_biller: 'Coder and biller',
  auditor: 'Coding auditor',
  cdi: 'CDI specialist',
  ar_denials: 'AR and denials specialist',
  educator: 'Coding educator',
  him_other: 'HIM specialist',
  other: 'Other role',
};

export const SPECIALTY_NAMES: Record<Specialty, string> = {
  inpatient: 'Inpatient',
  outpatient: 'Outpatient',
  profee: 'Professional fee (profee)',
  emergency: 'Emergency department',
  surgery: 'Surgery',
  radiology: 'Radiology',
  cardiology: 'Cardiology',
  oncology: 'Oncology',
  orthopedics: 'Orthopedics',
  anesthesia: 'Anesthesia',
  pathology_lab: 'Pathology and lab',
  risk_adjustment: 'Risk adjustment (HCC)',
  em: 'Evaluation and management (E/M)',
  home_health: 'Home health',
  behavioral_health: 'Behavioral health',
  pediatrics: 'Pediatrics',
  obgyn: 'OB/GYN',
  interventional_radiology: 'Interventional radiology',
  dental: 'Dental',
  ambulance: 'Ambulance',
  skilled_nursing: 'Skilled nursing',
  urgent_care: 'Urgent care',
  general: 'Multispecialty or primary care',
};

export const WORK_MODE_NAMES: Record<WorkMode, string> = {
  remote: 'Remote',
  hybrid: 'Hybrid',
  onsite: 'On site',
  unknown: 'Not stated',
};

export const EMPLOYMENT_TYPE_NAMES: Record<EmploymentType, string> = {
  full_time: 'Full time',
  part_time: 'Part time',
  contract: 'Contract',
  per_diem: 'Per diem',
  temporary: 'Temporary',
  unknown: 'Not stated',
};

/** "an hour", "a chart": pay as written, "$24 an hour". */
export const SALARY_PERIOD_NAMES: Record<SalaryPeriod, string> = {
  hour: 'an hour',
  day: 'a day',
  week: 'a week',
  month: 'a month',
  year: 'a year',
  chart: 'a chart',
};

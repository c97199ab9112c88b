// Phrases that name a specialty or setting in postings and profiles. `terms` are matched as whole
// words, case-insensitively; `abbreviations` are matched as whole words in upper case only ("ED" the
// department, not "ed" in "required"). A phrase may name two specialties (an ASC is outpatient
// surgery). Longer phrases win over shorter ones at the same place, so "surgical pathology" is
// pathology and not surgery.
import type { Specialty } from './vocabulary';

export interface SpecialtyTerms {
  terms: string[];
  abbreviations: string[];
}

export const SPECIALTY_TERMS: Record<Specialty, SpecialtyTerms> = {
  inpatient: {
    terms: ['inpatient', 'in-patient', 'acute care inpatient', 'inpatient rehabilitation', 'inpatient rehab'],
    abbreviations: ['IRF'],
  },
  outpatient: {
    terms: [
      'outpatient',
      'out-patient',
      'observation',
      'observation stays',
      'ambulatory surgery',
      'ambulatory surgery center',
      'ambulatory surgical center',
      'surgery center',
      'same day surgery',
      'same-day surgery',
      'day surgery',
    ],
    abbreviations: ['ASC'],
  },
  profee: {
    terms: [
      'profee',
      'pro fee',
      'pro-fee',
      'professional fee',
      'professional fees',
      'professional services',
      'professional billing',
      'professional claims',
      'professional charges',
      'professional coder',
      'professional coders',
      'professional coding',
      'physician practice',
      'physician practices',
      'physician office',
      'physician offices',
      'physician coding',
      'physician coder',
      'physician services',
      'physician group',
      'physicians group',
      'physician billing',
      'office visits',
      'clinic visits',
      'provider coding',
    ],
    abbreviations: [],
  },
  emergency: {
    terms: ['emergency department', 'emergency departments', 'emergency room', 'emergency medicine'],
    abbreviations: ['ED', 'ER'],
  },
  surgery: {
    terms: [
      'surgery',
      'surgeries',
      'surgical',
      'operative report',
      'operative reports',
      'operative notes',
      'ambulatory surgery',
      'ambulatory surgery center',
      'ambulatory surgical center',
      'surgery center',
      'same day surgery',
      'same-day surgery',
      'day surgery',
    ],
    abbreviations: ['ASC'],
  },
  radiology: {
    terms: ['radiology', 'diagnostic radiology', 'diagnostic imaging', 'imaging center', 'imaging centers'],
    abbreviations: [],
  },
  cardiology: {
    terms: ['cardiology', 'cardiologist', 'cardiologists', 'cardiac', 'cardiovascular', 'cardiothoracic'],
    abbreviations: [],
  },
  oncology: {
    terms: ['oncology', 'hematology/oncology', 'hematology', 'cancer', 'chemotherapy', 'radiation oncology'],
    abbreviations: [],
  },
  orthopedics: {
    terms: ['orthopedic', 'orthopedics', 'orthopaedic', 'orthopaedics', 'ortho'],
    abbreviations: [],
  },
  anesthesia: {
    terms: ['anesthesia', 'anesthesiology', 'anaesthesia'],
    abbreviations: [],
  },
  pathology_lab: {
    terms: [
      'pathology',
      'surgical pathology',
      'anatomic pathology',
      'clinical pathology',
      'laboratory',
      'lab coding',
      'clinical lab',
    ],
    abbreviations: [],
  },
  risk_adjustment: {
    terms: ['risk adjustment', 'risk-adjustment', 'hcc coding', 'hcc coder', 'hcc coders'],
    abbreviations: [],
  },
  em: {
    terms: ['e/m', 'e&m', 'e & m', 'evaluation and management', 'evaluation & management'],
    abbreviations: ['EM'],
  },
  home_health: {
    terms: ['home health', 'home healthcare', 'home health care', 'home care', 'oasis', 'pdgm'],
    abbreviations: ['HHA'],
  },
  behavioral_health: {
    terms: [
      'behavioral health',
      'behavioural health',
      'mental health',
      'psychiatric',
      'psychiatry',
      'psychotherapy',
      'substance use',
      'counseling',
    ],
    abbreviations: [],
  },
  pediatrics: {
    terms: ['pediatric', 'pediatrics', 'paediatric', "children's", 'well-child', 'newborn'],
    abbreviations: [],
  },
  obgyn: {
    terms: [
      'ob/gyn',
      'obgyn',
      'ob-gyn',
      'obstetric',
      'obstetrics',
      'gynecology',
      'gynecologic',
      'gynecological',
      "women's health",
    ],
    abbreviations: [],
  },
  interventional_radiology: {
    terms: ['interventional radiology', 'ir coding', 'ir physicians', 'ir procedures'],
    abbreviations: [],
  },
  dental: {
    terms: ['dental', 'dentist', 'dentistry', 'dental billing'],
    abbreviations: ['CDT'],
  },
  ambulance: {
    terms: ['ambulance', 'emergency medical services', 'patient transport', 'transports'],
    abbreviations: ['EMS'],
  },
  skilled_nursing: {
    terms: [
      'skilled nursing',
      'long-term care',
      'long term care',
      'long-term healthcare',
      'long term healthcare',
      'nursing home',
      'nursing homes',
      'nursing facility',
      'nursing facilities',
      'pdpm',
    ],
    // Not "MDS": the assessment (and its coordinator) is a nurse's work beside the biller's.
    abbreviations: ['SNF', 'LTC'],
  },
  urgent_care: {
    terms: ['urgent care', 'immediate care', 'walk-in clinic'],
    abbreviations: [],
  },
  general: {
    terms: [
      'multispecialty',
      'multi-specialty',
      'multiple specialties',
      'family medicine',
      'family practice',
      'primary care',
      'internal medicine',
      'general practice',
    ],
    abbreviations: [],
  },
};

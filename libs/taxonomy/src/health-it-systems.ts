// EHR / practice-management systems and encoders that postings name. `aliases` are matched as whole
// words; those in `caseSensitiveAliases` only as written ("Epic" the EHR, not "epic" the adjective).
// `needsContext` keeps a vendor name that also sells other things (Optum) to sentences that speak of
// encoding.

export interface HealthItSystem {
  name: string;
  aliases: string[];
  caseSensitiveAliases?: string[];
  needsContext?: string[];
}

export const EHR_SYSTEMS: HealthItSystem[] = [
  { name: 'Epic', aliases: ['Epic Systems'], caseSensitiveAliases: ['Epic', 'EPIC'] },
  { name: 'Cerner', aliases: ['Cerner', 'Oracle Health', 'Oracle Cerner', 'Soarian', 'Cerner Millennium'] },
  { name: 'Meditech', aliases: ['Meditech', 'Meditech Expanse', 'Meditech Magic'] },
  {
    name: 'athenahealth',
    aliases: ['athenahealth', 'athenaOne', 'athenaIDX', 'athenaCollector', 'athenaClinicals', 'athena'],
  },
  { name: 'eClinicalWorks', aliases: ['eClinicalWorks', 'eClinical Works'], caseSensitiveAliases: ['eCW'] },
  { name: 'NextGen', aliases: ['NextGen', 'NextGen PM', 'NextGen EHR'] },
  { name: 'Allscripts', aliases: ['Allscripts', 'Veradigm', 'Sunrise Clinical Manager'] },
  { name: 'Greenway', aliases: ['Greenway', 'Intergy', 'Greenway Prime Suite'] },
  { name: 'AdvancedMD', aliases: ['AdvancedMD', 'Advanced MD'] },
  { name: 'Kareo', aliases: ['Kareo', 'Tebra'] },
  { name: 'ModMed', aliases: ['ModMed', 'Modernizing Medicine'] },
  { name: 'gMed', aliases: ['gMed', 'gGastro'] },
  { name: 'eMDs', aliases: ['eMDs'] },
  { name: 'Practice Fusion', aliases: ['Practice Fusion'] },
  { name: 'DrChrono', aliases: ['DrChrono'] },
  { name: 'CPSI', aliases: ['CPSI', 'TruBridge', 'Evident'] },
  { name: 'Paragon', aliases: ['McKesson Paragon'] },
  { name: 'PointClickCare', aliases: ['PointClickCare', 'Point Click Care'] },
  { name: 'MatrixCare', aliases: ['MatrixCare'] },
  { name: 'Homecare Homebase', aliases: ['Homecare Homebase', 'HCHB'] },
  { name: 'WellSky', aliases: ['WellSky', 'Kinnser'] },
  { name: 'Netsmart', aliases: ['Netsmart', 'myAvatar'] },
  { name: 'SimplePractice', aliases: ['SimplePractice', 'Simple Practice'] },
  { name: 'TherapyNotes', aliases: ['TherapyNotes'] },
  { name: 'WebPT', aliases: ['WebPT'] },
  { name: 'Dentrix', aliases: ['Dentrix'] },
  { name: 'Eaglesoft', aliases: ['Eaglesoft'] },
  { name: 'HST Pathways', aliases: ['HST Pathways'] },
  { name: 'VistA', aliases: ['VistA', 'CPRS'] },
  { name: 'RPMS', aliases: ['RPMS', 'Resource and Patient Management System'] },
  { name: 'MHS GENESIS', aliases: ['MHS GENESIS', 'MHS Genesis'] },
];

export const ENCODER_SYSTEMS: HealthItSystem[] = [
  {
    name: '3M',
    aliases: [
      '3M',
      '3M 360 Encompass',
      '3M 360',
      '3M CodeFinder',
      '3M HDM',
      '3M encoder',
      'Solventum',
      '360 Encompass',
    ],
  },
  { name: 'EncoderPro', aliases: ['EncoderPro', 'Encoder Pro', 'Optum EncoderPro', 'Optum360 EncoderPro'] },
  {
    name: 'Optum',
    aliases: ['Optum', 'Optum360', 'Optum CAC', 'Optum Enterprise CAC'],
    needsContext: ['encoder', 'CAC', 'computer-assisted', 'computer assisted', 'coding software'],
  },
  { name: 'TruCode', aliases: ['TruCode'] },
  { name: 'Codify', aliases: ['Codify', 'Codify by AAPC'] },
  { name: 'Find-A-Code', aliases: ['Find-A-Code', 'FindACode'] },
  { name: 'Fusion CAC', aliases: ['Fusion CAC', 'Dolbey Fusion'] },
  { name: 'Nuance CDE One', aliases: ['CDE One', 'Nuance CDE'] },
  { name: 'Iodine', aliases: ['Iodine AwareCDI', 'Iodine Software'] },
];

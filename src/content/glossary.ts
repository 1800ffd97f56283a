// Medical words that articles must explain in plain words the first time they use them.

export interface GlossaryTerm {
  /** The word as shown in lint messages. */
  term: string;
  /** Regular expression source matching the word and its usual forms (matched case-insensitively, whole words). */
  pattern: string;
}

/**
 * Words a reader aged about 11 would not know. Add a word here when an article uses one; the lint
 * then asks for a plain explanation beside its first use in every article.
 */
export const GLOSSARY: readonly GlossaryTerm[] = [
  { term: 'cauda equina', pattern: 'cauda equina' },
  { term: 'crepitus', pattern: 'crepitus' },
  { term: 'cavitation', pattern: 'cavitation' },
  { term: 'tribonucleation', pattern: 'tribonucleation' },
  { term: 'sciatica', pattern: 'sciatica' },
  { term: 'osteoarthritis', pattern: 'osteoarthritis' },
  { term: 'myelopathy', pattern: 'myelopathy' },
  { term: 'radiculopathy', pattern: 'radiculopathy' },
  { term: 'aneurysm', pattern: 'aneurysms?' },
  { term: 'arthroplasty', pattern: 'arthroplast(?:y|ies)' },
  { term: 'spondyloarthritis', pattern: 'spondyloarthritis' },
  { term: 'ankylosing spondylitis', pattern: 'ankylosing spondylitis' },
  { term: 'spondylolisthesis', pattern: 'spondylolisthesis' },
  { term: 'spinal stenosis', pattern: 'spinal stenosis|stenosis' },
  { term: 'haemarthrosis', pattern: 'ha?emarthrosis' },
  { term: 'TMJ', pattern: 'TMJ|TMD' },
  { term: 'temporomandibular', pattern: 'temporomandibular' },
  { term: 'synovial', pattern: 'synovial' },
  { term: 'meniscus', pattern: 'meniscus|menisci|meniscal' },
  { term: 'metastases', pattern: 'metastas[ie]s|metastatic' },
  { term: 'enthesitis', pattern: 'enthesitis' },
  { term: 'osteoporosis', pattern: 'osteoporosis' },
  { term: 'septic arthritis', pattern: 'septic arthritis' },
  { term: 'NSAID', pattern: 'NSAIDs?' },
  { term: 'TIA', pattern: 'TIA' },
  { term: 'arterial dissection', pattern: '(?:arterial|artery|carotid|vertebral artery) dissection' },
  { term: 'iliopsoas', pattern: 'iliopsoas' },
  { term: 'iliotibial band', pattern: 'iliotibial(?: band)?' },
  { term: 'patellofemoral', pattern: 'patellofemoral' },
  { term: 'discectomy', pattern: 'discectom(?:y|ies)' },
  { term: 'laminectomy', pattern: 'laminectom(?:y|ies)' },
  { term: 'spinal fusion', pattern: 'spinal fusion' },
];

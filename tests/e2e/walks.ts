import { SCHEMA } from './schema';
import type { Answers } from './wizard-page';

/** Complete walks, each to a different model (the frozen links of tests/links/v2.txt cover the same models). */
export const WALKS: { name: string; model: string; answers: Answers }[] = [
  {
    name: 'crawl 50k URLs with aiohttp', model: 'asyncio',
    answers: { work: 'io', scale: 'one', where: 'script', py: '3.12', total: 'slow', io: 'http', conc: 'thousands', libs: 'all', http: 'aiohttp', lat: 'no', input: 'stream', state: 'none', cancel: 'yes', fail: 'all' },
  },
  {
    name: 'a legacy requests SDK inside FastAPI', model: 'to_thread',
    answers: { work: 'io', scale: 'one', where: 'aweb', py: '3.11', io: 'http', conc: 'hundreds', libs: 'some', http: 'httpx', input: 'list', state: 'none', cancel: 'yes', fail: 'fast' },
  },
  {
    name: 'a Flask view calling slow APIs with requests', model: 'threads',
    answers: { work: 'io', scale: 'one', where: 'sweb', py: '3.11', io: 'http', conc: 'few', libs: 'none', input: 'list', state: 'none', cancel: 'yes', fail: 'all' },
  },
  {
    name: 'pure-Python primes on 8 cores', model: 'processes',
    answers: { work: 'cpu', scale: 'one', where: 'script', py: '3.12', total: 'slow', os: 'linux', cores: '5-16', task: 'short', data: 'small', shared: 'no', input: 'list', state: 'none', crash: 'no', cancel: 'no', fail: 'fast' },
  },
  {
    name: 'Monte Carlo on 3.14t', model: 'free_threaded',
    answers: { work: 'cpu', scale: 'one', where: 'script', py: '3.14', total: 'slow', gil: 'ft', ext: 'none', os: 'linux', cores: '5-16', task: 'short', data: 'small', shared: 'no', input: 'list', state: 'none', crash: 'no', cancel: 'no', fail: 'fast' },
  },
  {
    name: 'download and parse in pure Python', model: 'hybrid',
    answers: { work: 'mix', comp: 'py', scale: 'one', where: 'script', py: '3.12', total: 'slow', io: 'http', conc: 'hundreds', libs: 'all', http: 'aiohttp', os: 'linux', cores: '5-16', task: 'short', data: 'small', shared: 'no', input: 'list', state: 'none', crash: 'no', cancel: 'yes', fail: 'all' },
  },
  {
    name: '200 GB of logs on a cluster', model: 'distributed',
    answers: { work: 'cpu', scale: 'data', where: 'script', py: '3.12', input: 'stream', state: 'none', cancel: 'no', fail: 'all' },
  },
  {
    name: 'NumPy matrix products with multithreaded BLAS', model: 'sequential',
    answers: { work: 'ext', scale: 'one', where: 'script', py: '3.12', total: 'slow', os: 'mac', cores: '5-16', task: 'long', data: 'large', shared: 'no', input: 'list', state: 'none', blas: 'yes', crash: 'no', cancel: 'no', fail: 'all' },
  },
  {
    name: 'pure-Python parsing on standard 3.14', model: 'interpreters',
    answers: { work: 'cpu', scale: 'one', where: 'script', py: '3.14', total: 'slow', gil: 'std', subint: 'none', os: 'mac', cores: '5-16', task: 'short', data: 'small', shared: 'no', input: 'list', state: 'none', crash: 'no', cancel: 'no', fail: 'all' },
  },
];

/** The query string of a walk, as the app writes it. */
export function query(answers: Answers): string {
  return `v=${SCHEMA}&` + Object.entries(answers).map(([k, v]) => `${k}=${v}`).join('&');
}

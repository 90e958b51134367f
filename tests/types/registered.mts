// A consumer of a registered table, typed by `qimen-payload types` (tests/node/types.test.mjs generates the
// augmentation from the imported doc JSON of taobao.qimen.order.cancel and compiles this file with it).
import { check, parseResponse } from 'qimen-payload';

const r = check('taobao.qimen.order.cancel', { request: { warehouseCode: 'W1', orderCode: 'O1', orderType: 'JYCK' } });
if (r.ok) {
  const code: string = r.value.request!.orderCode;
  const type: 'JYCK' | 'HHCK' | 'BFCK' | 'PTCK' | 'DBCK' | 'B2BRK' | 'B2BCK' | 'QTCK' | 'SCRK' | 'LYRK' | 'CCRK' | 'CGRK' | 'DBRK' | 'QTRK'
    | 'XTRK' | 'THRK' | 'HHRK' | 'CNJG' | 'CGTH' | undefined = r.value.request!.orderType;
  console.log(code, type);
}
const flag: string | undefined = parseResponse('taobao.qimen.order.cancel', '{}').flag;
console.log(flag);
// @ts-expect-error: a field the table does not have
check('taobao.qimen.order.cancel', { request: { warehouseCode: 'W1', orderCode: 'O1', nope: 1 } });
// @ts-expect-error: a code the enum does not have
check('taobao.qimen.order.cancel', { request: { warehouseCode: 'W1', orderCode: 'O1', orderType: 'XX' } });
// @ts-expect-error: the value has no such field
check('taobao.qimen.order.cancel', '{}').value?.request?.warehouse;

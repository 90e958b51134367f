import * as q from 'qimen-payload';
const time = (name, f) => { for (let i = 0; i < 20000; i++) f(); const t = performance.now(); const n = 100000; for (let i = 0; i < n; i++) f(); console.log(name.padEnd(40), ((performance.now() - t) * 1000 / n).toFixed(2), 'µs'); };
const small = JSON.stringify({ item: [{ itemCode: 'A', paperQty: 1 }] });
time('example() (string out)', () => q.example('tmall.qimendc.inventory.sync'));
time('limits() (object out)', () => q.limits());
time('check qimendc {}', () => q.check('tmall.qimendc.inventory.sync', '{}'));
time('check inv 1 item', () => q.check('qimen.taobao.pos.inventory.synchronize', small));
time('render json inv 1 item', () => q.render('qimen.taobao.pos.inventory.synchronize', small, 'json'));
time('JSON.parse small', () => JSON.parse(small));

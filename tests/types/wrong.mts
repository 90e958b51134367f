// Deliberately wrong uses: each line marked below must be a compile error.
import { check, buildRequest } from 'qimen-payload';

check('taobao.inventory.shopinv.adjust', { shop_inventory_edit: { order_id: 'o', store_id: 1, check_mode: 3, detail_list: [], recover_deleted_data: true } }); // check_mode 3
check('taobao.inventory.shopinv.adjust', { shop_inventory_edit: { store_id: 1, check_mode: 1, detail_list: [], recover_deleted_data: true } }); // order_id missing
check('tmall.qimendc.inventory.sync', { items: [{ inventory_type: 'XX' }] }); // not an inventory type
check('taobao.nope', '{}'); // unknown method
buildRequest('tmall.qimendc.inventory.sync', '{}', { appKey: 'k', secret: 's', signMethod: 'sha1' }); // sign method

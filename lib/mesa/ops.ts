/** Small tensor ops shared by the agents (convolutions as im2col + matMul, grid shifts). */
import * as tf from '@tensorflow/tfjs';
import type { Rng } from '../core/rng';

/** A k×k 'same' convolution, stride 1: `x` [B,H,W,C], `w` [k*k*C, Cout] (rows ordered dy, dx, c), `b` [Cout]. */
export function conv(x: tf.Tensor4D, w: tf.Tensor, b: tf.Tensor, k: number): tf.Tensor4D {
  const [B, H, W, C] = x.shape;
  const cout = w.shape[1] as number;
  if (k === 1) return tf.add(tf.matMul(x.reshape([B * H * W, C]), w as tf.Tensor2D), b).reshape([B, H, W, cout]);
  return tf.add(conv2dSame(x, w.reshape([k, k, C, cout]) as tf.Tensor4D), b) as tf.Tensor4D;
}

/**
 * conv2d ('same', stride 1, odd kernel) with both gradients written as forward convolutions, the
 * one kernel every backend implements fast (the wasm backend has no Conv2D filter gradient, and
 * its input gradient is slow): the input gradient is a convolution of dy with the flipped,
 * transposed filter; the filter gradient is a convolution of the padded input (batch as channels)
 * with dy (batch as channels, the image as the kernel).
 */
function conv2dSameImpl(x: tf.Tensor4D, w: tf.Tensor4D, save: tf.GradSaveFunc): { value: tf.Tensor4D; gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => tf.Tensor[] } {
  save([x, w]);
  return {
    value: tf.conv2d(x, w, 1, 'same'),
    gradFunc: (dy: tf.Tensor4D, saved: tf.Tensor[]) => {
      const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
      const [kh, kw] = ws.shape;
      const rh = (kh - 1) >> 1, rw = (kw - 1) >> 1;
      const wFlip = tf.transpose(tf.reverse(ws, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
      const dx = tf.conv2d(dy, wFlip, 1, 'same');
      const xPad = tf.pad(xs, [[0, 0], [rh, rh], [rw, rw], [0, 0]]);
      const xT = tf.transpose(xPad, [3, 1, 2, 0]) as tf.Tensor4D;     // [C, H+2r, W+2r, B]
      const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;      // [H, W, B, Cout]
      const dw = tf.transpose(tf.conv2d(xT, dyT, 1, 'valid'), [1, 2, 0, 3]); // [kh, kw, C, Cout]
      return [dx, dw];
    },
  };
}
const conv2dSame = tf.customGrad(conv2dSameImpl as never) as unknown as (x: tf.Tensor4D, w: tf.Tensor4D) => tf.Tensor4D;

/**
 * The four neighbour views of a grid `[B,H,W]`: out[a][b,y,x] = v[b, y+dy, x+dx] for the action
 * deltas up, right, down, left; `fill` outside the grid.
 */
export function neighbours(v: tf.Tensor3D, fill: number): tf.Tensor3D[] {
  const [B, H, W] = v.shape;
  const p = tf.pad(v, [[0, 0], [1, 1], [1, 1]], fill);
  return [
    tf.slice(p, [0, 0, 1], [B, H, W]),  // up: (x, y-1)
    tf.slice(p, [0, 1, 2], [B, H, W]),  // right: (x+1, y)
    tf.slice(p, [0, 2, 1], [B, H, W]),  // down: (x, y+1)
    tf.slice(p, [0, 1, 0], [B, H, W]),  // left: (x-1, y)
  ];
}

/** Glorot-uniform initial weights from a seeded generator (independent of the backend). */
export function glorot(rng: Rng, shape: [number, number], fanIn: number, fanOut: number): Float32Array {
  const limit = Math.sqrt(6 / (fanIn + fanOut));
  const out = new Float32Array(shape[0] * shape[1]);
  for (let i = 0; i < out.length; i++) out[i] = rng.float(-limit, limit);
  return out;
}

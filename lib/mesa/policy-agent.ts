/**
 * Agent 2: a plain convolutional policy network, no built-in planner — the case where nobody
 * knows whether a retargetable search exists inside. Two 3x3 convolutions keep a map of the maze
 * (channels × cells, where probes and patches can point at a cell), then dense layers choose the
 * move.
 *
 * Named activations: `obs`, `conv1` [H,W,c1], `conv2` [H,W,c2], `conv3` [H,W,c3], `fc` [hidden], `logits` [4].
 */
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../core/rng';
import { CHEESE_MAZE_CHANNELS } from '../envs/cheese-maze';
import type { ForwardOptions, ForwardResult, LayerInfo, NamedModel } from './model';
import { Tap, VariableStore, checkAgentSize, checkObservation } from './model';
import { conv, glorot } from './ops';

export interface PolicyAgentConfig {
  size: number;
  /** Channels of the three convolutions. Default [16, 16, 8]. */
  channels?: [number, number, number];
  /** Width of the dense hidden layer. Default 64. */
  hidden?: number;
  seed: number | string;
}

export class PolicyAgent extends VariableStore implements NamedModel {
  readonly kind = 'policy';
  readonly size: number;
  readonly layers: LayerInfo[];
  readonly config: Required<PolicyAgentConfig>;
  constructor(config: PolicyAgentConfig) {
    super();
    const size = config.size;
    checkAgentSize('mesa/policy-agent', size);
    const channels = config.channels ?? [16, 16, 8];
    const hidden = config.hidden ?? 64;
    this.size = size;
    this.config = { size, channels, hidden, seed: config.seed };
    const C = CHEESE_MAZE_CHANNELS.length;
    const rng = createRng(`policy/${String(config.seed)}`);
    const [c1, c2, c3] = channels;
    this.addVar('k1', [9 * C, c1], glorot(rng, [9 * C, c1], 9 * C, c1));
    this.addVar('b1', [c1], new Float32Array(c1));
    this.addVar('k2', [9 * c1, c2], glorot(rng, [9 * c1, c2], 9 * c1, c2));
    this.addVar('b2', [c2], new Float32Array(c2));
    this.addVar('k3', [9 * c2, c3], glorot(rng, [9 * c2, c3], 9 * c2, c3));
    this.addVar('b3', [c3], new Float32Array(c3));
    const flat = size * size * c3;
    this.addVar('w4', [flat, hidden], glorot(rng, [flat, hidden], flat, hidden));
    this.addVar('b4', [hidden], new Float32Array(hidden));
    this.addVar('w5', [hidden, 4], glorot(rng, [hidden, 4], hidden, 4));
    this.addVar('b5', [4], new Float32Array(4));
    this.layers = [
      { name: 'obs', shape: [size, size, C], spatial: true, description: 'the observation (wall, mouse, cheese, x, y)' },
      { name: 'conv1', shape: [size, size, c1], spatial: true, description: '3x3 convolution + relu' },
      { name: 'conv2', shape: [size, size, c2], spatial: true, description: '3x3 convolution + relu' },
      { name: 'conv3', shape: [size, size, c3], spatial: true, description: '3x3 convolution + relu' },
      { name: 'fc', shape: [hidden], spatial: false, description: 'dense layer + relu over the whole map' },
      { name: 'logits', shape: [4], spatial: false, description: 'action logits (up, right, down, left)' },
    ];
  }

  forward(obs: tf.Tensor4D, opts: ForwardOptions = {}): ForwardResult {
    const tap = new Tap(this, opts);
    const [B, H, W] = checkObservation('mesa/policy-agent', obs, this.size);
    const x = tap.at('obs', obs);
    const a1 = tap.at('conv1', tf.relu(conv(x, this.v('k1'), this.v('b1'), 3)));
    const a2 = tap.at('conv2', tf.relu(conv(a1, this.v('k2'), this.v('b2'), 3)));
    const a3 = tap.at('conv3', tf.relu(conv(a2, this.v('k3'), this.v('b3'), 3)));
    const flat = a3.reshape([B, H * W * a3.shape[3]]);
    const fc = tap.at('fc', tf.relu(tf.add(tf.matMul(flat, this.v('w4') as tf.Tensor2D), this.v('b4'))) as tf.Tensor2D);
    const logits = tap.at('logits', tf.add(tf.matMul(fc, this.v('w5') as tf.Tensor2D), this.v('b5')) as tf.Tensor2D);
    return { logits, acts: tap.acts };
  }
}

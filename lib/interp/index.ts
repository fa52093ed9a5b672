// Sub-barrel of lib/interp: probes, activation patching / causal tracing, steering vectors. Re-exports only.
export { collectActivations, spatialLayer } from './activations';
export type { Example, ActivationSet } from './activations';
export { fitLinearProbe, channelLocalization, locationProbe, actionProbe } from './probe';
export type { LinearProbe, ProbeOptions, ChannelLocalization } from './probe';
export { activationPatching, channelPatch } from './patching';
export type { PatchPair, PatchingResult } from './patching';
export { steeringVector, addSteering } from './steering';
export type { SteeringVector } from './steering';
export { PlantedToyModel, PlantedCausalToy, InputOnlyToy, PlantedRecurrentToy } from './toy';
export { cellProbe } from './cell-probe';
export type { CellProbeInput, CellProbeOptions, CellProbeResult, ChannelScore } from './cell-probe';
export { layerFamilies, familyOf, inputLayers } from './layer-family';
export type { LayerFamily } from './layer-family';
export { interpMessages } from './messages';

/**
 * A synthetic "camera photo" for the example lab: no real person is pictured. It looks to
 * the image pipeline like what a phone gives a lab: 12 megapixels, sensor grain, JPEG at
 * quality 95 (about 4 MB), stored sideways with EXIF Orientation 6 (the phone was held
 * upright) and carrying EXIF a page must not publish (camera model, GPS position).
 *
 * The upright scene is a portrait in front of a bookshelf (detail that, like a real
 * background, still costs bytes after downscaling): a head in the middle and a red shirt
 * below, so a test can tell an upright crop from a sideways one by where the red is.
 */
import sharp from 'sharp';

/** Upright size of the photo (a 12 MP phone sensor held in portrait). */
export const CAMERA_PHOTO = { width: 3024, height: 4032 } as const;

/** Colours of the upright scene, for tests that check the orientation survived. */
export const SCENE = {
  skin: [224, 172, 140],
  hair: [60, 42, 30],
  shirt: [190, 40, 50],
} as const;

/** Book spines: blues, greens, ochres and greys, never the shirt's red. */
const SPINES = [
  [52, 84, 140],
  [40, 110, 90],
  [180, 150, 70],
  [120, 120, 128],
  [30, 60, 80],
  [200, 190, 160],
  [90, 70, 50],
  [70, 130, 170],
] as const;

/** A small deterministic PRNG (mulberry32), so the photo is the same byte for byte each run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The upright scene as raw RGB pixels, with grain; `seed` varies the bookshelf and grain. */
function scenePixels(seed: number): Buffer {
  const { width, height } = CAMERA_PHOTO;
  const pixels = Buffer.alloc(width * height * 3);
  const next = random(seed);
  // The bookshelf: rows of spines of random widths and colours, a dark gap between rows.
  const shelf = Math.round(height / 7);
  const spineAt: number[][] = [];
  for (let row = 0; row * shelf < height; row++) {
    const spines: number[] = new Array(width);
    for (let x = 0; x < width;) {
      const spineWidth = 40 + Math.floor(next() * 110);
      const colour = Math.floor(next() * SPINES.length);
      for (let i = x; i < Math.min(width, x + spineWidth); i++) spines[i] = i - x < 4 ? -1 : colour;
      x += spineWidth;
    }
    spineAt.push(spines);
  }
  const face = { x: width * 0.5, y: height * 0.4, rx: width * 0.19, ry: height * 0.16 };
  const torso = { x: width * 0.5, y: height * 1.02, rx: width * 0.5, ry: height * 0.4 };
  const neck = { left: width * 0.43, right: width * 0.57, top: height * 0.5, bottom: height * 0.66 };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = (x - face.x) / face.rx;
      const dy = (y - face.y) / face.ry;
      let colour: readonly number[];
      let shade: number;
      if (dx * dx + dy * dy <= 1 && dy < -0.45 + 0.5 * dx * dx) {
        colour = SCENE.hair;
        shade = 0.8 + 0.4 * Math.abs(Math.sin(x / 7 + dy * 9));
      } else if (dx * dx + dy * dy <= 1) {
        colour = SCENE.skin;
        shade = 1.05 - 0.2 * Math.hypot(dx, dy);
      } else if (((x - torso.x) / torso.rx) ** 2 + ((y - torso.y) / torso.ry) ** 2 <= 1) {
        colour = SCENE.shirt;
        shade = 0.85 + 0.15 * Math.sin(x / 90 + y / 140);
      } else if (x >= neck.left && x <= neck.right && y >= neck.top && y <= neck.bottom) {
        colour = SCENE.skin;
        shade = 0.85;
      } else {
        const spine = spineAt[Math.floor(y / shelf)][x];
        const inGap = y % shelf < shelf * 0.08;
        colour = inGap || spine < 0 ? [25, 22, 20] : SPINES[spine];
        shade = 0.75 + 0.3 * (1 - y / height);
      }
      // Sensor grain: a little per-channel noise, as a phone's small pixels give.
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) {
        const grain = (next() + next() + next() - 1.5) * 13;
        pixels[i + c] = Math.max(0, Math.min(255, Math.round(colour[c] * shade + grain)));
      }
    }
  }
  return pixels;
}

/**
 * The photo as a JPEG file's bytes: stored sideways (rotated a quarter turn
 * anticlockwise) with Orientation 6, the way phone cameras write portrait shots. Another
 * `seed` gives another photo (another bookshelf behind the same person).
 */
export async function cameraPhoto(seed = 15): Promise<Buffer> {
  const { width, height } = CAMERA_PHOTO;
  const sideways = await sharp(scenePixels(seed), { raw: { width, height, channels: 3 } })
    .rotate(-90)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return sharp(sideways.data, { raw: sideways.info })
    .jpeg({ quality: 95, chromaSubsampling: '4:2:0' })
    .withExif({
      IFD0: { Make: 'Example', Model: 'Phone Camera 12' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '32/1 46/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '35/1 1/1 1200/100',
      },
    })
    .withMetadata({ orientation: 6 })
    .toBuffer();
}

const sharp = require('sharp');
(async () => {
  const w = 1200, h = 900, ch = 3;
  const buf = Buffer.alloc(w * h * ch);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) {
    const i = (y * w + x) * ch;
    // a sky, a lamp post, a road: enough structure for a photo-like JPEG
    const road = y > h * 0.7;
    const post = x > 560 && x < 600 && y > 150;
    buf[i] = post ? 60 : road ? 90 + (x * 7 + y * 13) % 40 : 120 + y / 8;
    buf[i + 1] = post ? 60 : road ? 90 + (x * 3 + y * 5) % 40 : 160 + y / 10;
    buf[i + 2] = post ? 70 : road ? 95 : 220;
  }
  const img = sharp(buf, { raw: { width: w, height: h, channels: ch } });
  await img.clone().jpeg({ quality: 88 }).withExif({
    IFD0: { Make: 'ExamplePhone', Model: 'Street 12', Software: 'Camera 1.0' },
    IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '31/1 14/1 3000/100', GPSLongitudeRef: 'E', GPSLongitude: '121/1 28/1 1200/100' }
  }).withMetadata({ orientation: 6 }).toFile('phone-gps.jpg');
  await img.clone().resize(640, 480).webp({ quality: 80 }).toFile('street.webp');
  console.log('ok');
})();

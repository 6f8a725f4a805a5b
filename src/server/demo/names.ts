import type { Random } from './random.js';

// Fictional people and places: common surnames and given-name characters, combined at random.
const surnames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const givenChars =
  '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志强文斌海燕晓东春梅金凤玉兰淑珍德明永红小红建华慧敏子涵浩然欣怡宇轩梓萱俊杰嘉怡雨婷思远'.split(
    '',
  );

export function personName(random: Random): string {
  const given = random.next() < 0.4 ? random.pick(givenChars) : random.pick(givenChars) + random.pick(givenChars);
  return random.pick(surnames) + given;
}
